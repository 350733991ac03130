using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml.Wordprocessing;
using static MailMerge.Letters.Tests.Combining;
using static MailMerge.Letters.Tests.TestDocx;

namespace MailMerge.Letters.Tests;

public sealed class CombinedDocumentTests
{
    [Fact]
    public void Combined_repeats_the_whole_body_when_the_template_has_no_markers()
    {
        var template = Template(P("Dear {{ name }},") + P("Kind regards"));

        using var merged = Combine(template, RecipientValues(Names), out var result);

        Assert.Equal(3, result.LetterCount);
        Assert.Equal("Dear Anna,\nKind regards\nDear Bartosz,\nKind regards\nDear Celina,\nKind regards", merged.BodyText);
        Assert.Single(merged.Body.Descendants<SectionProperties>());
        Assert.IsType<SectionProperties>(merged.Body.LastChild);
    }

    [Fact]
    public void Combined_gives_each_letter_its_own_header_and_footer_when_they_hold_fields()
    {
        var template = Template(main =>
        {
            AddNumbering(main);
            var header = AddHeader(main, "<w:p w14:paraId=\"1A2B3C4D\"><w:r><w:t>Letter for {{ name }}</w:t></w:r></w:p>");
            var footer = AddFooter(main, $"<w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>{PageField}</w:p>");
            var plain = AddHeader(main, P("First page"));
            return P("Dear {{ name }},") + NumberedP("point")
                + $"<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{header}\"/><w:headerReference w:type=\"first\" r:id=\"{plain}\"/>"
                + $"<w:footerReference w:type=\"default\" r:id=\"{footer}\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>";
        });

        using var merged = Combine(template, RecipientValues(Names), out var result);

        Assert.Equal(3, result.LetterCount);
        var sections = merged.Body.Descendants<SectionProperties>().ToList();
        Assert.Equal(3, sections.Count);
        var headers = sections
            .Select(s => s.Elements<HeaderReference>().Single(r => r.Type?.Value == HeaderFooterValues.Default).Id!.Value!)
            .Select(id => MergedDocument.TextOf(((DocumentFormat.OpenXml.Packaging.HeaderPart)merged.Main.GetPartById(id)).Header!))
            .ToList();
        Assert.Equal(["Letter for Anna", "Letter for Bartosz", "Letter for Celina"], headers);
        var firstPageHeaders = sections.Select(s => s.Elements<HeaderReference>().Single(r => r.Type?.Value == HeaderFooterValues.First).Id!.Value).Distinct();
        Assert.Single(firstPageHeaders);
        Assert.Equal([1, 1], sections.Skip(1).Select(s => s.GetFirstChild<PageNumberType>()!.Start!.Value));
        Assert.Empty(merged.Body.Descendants<PageBreakBefore>());
        Assert.Single(merged.Main.HeaderParts, h => h.Header!.OuterXml.Contains("1A2B3C4D", StringComparison.Ordinal));
    }

    [Fact]
    public void Combined_closes_a_letter_that_ends_with_a_table_with_a_thin_section_paragraph()
    {
        var table =
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid>"
            + "<w:tr><w:tc><w:p><w:r><w:t>{{ name }}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        var template = Template(main =>
        {
            var header = AddHeader(main, P("To {{ name }}"));
            return P("Letter") + table + $"<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{header}\"/></w:sectPr>";
        });

        using var merged = Combine(template, RecipientValues(Names), out _);

        Assert.Equal(3, merged.Body.Descendants<SectionProperties>().Count());
        Assert.Equal(3, merged.Main.HeaderParts.Count());
    }

    [Fact]
    public void Combined_starts_each_letter_after_the_first_on_a_new_page_without_a_trailing_break()
    {
        var template = Template(P("Dear {{ name }},") + P("Kind regards"));

        using var merged = Combine(template, RecipientValues(Names), out _);

        var paragraphs = BodyParagraphs(merged);
        var breaking = paragraphs.Where(p => p.ParagraphProperties?.PageBreakBefore is not null).Select(MergedDocument.TextOf).ToList();
        Assert.Equal(["Dear Bartosz,", "Dear Celina,"], breaking);
        Assert.Empty(merged.Body.Descendants<Break>());
    }

    [Fact]
    public void Combined_drops_the_templates_own_page_break_after_the_letter()
    {
        var template = Template(P("Dear {{ name }},") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");

        using var merged = Combine(template, RecipientValues(Names), out _);

        Assert.Empty(merged.Body.Descendants<Break>());
        Assert.Equal(3, BodyParagraphs(merged).Count);
    }

    [Fact]
    public void Combined_drops_a_page_break_ending_the_letters_last_paragraph()
    {
        var template = Template(P("Dear {{ name }},") + "<w:p><w:r><w:t>Regards</w:t></w:r><w:r><w:br w:type=\"page\"/></w:r></w:p>");

        using var merged = Combine(template, RecipientValues(Names), out _);

        Assert.Empty(merged.Body.Descendants<Break>());
        Assert.Equal(3, merged.Body.Descendants<Text>().Count(t => t.Text == "Regards"));
    }

    [Fact]
    public void Combined_puts_a_thin_breaking_paragraph_before_a_letter_that_starts_with_a_table()
    {
        var table =
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid>"
            + "<w:tr><w:tc><w:p><w:r><w:t>{{ name }}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        var template = Template(table + P("End"));

        using var merged = Combine(template, RecipientValues(Names), out _);

        Assert.Equal(3, merged.Body.Elements<Table>().Count());
        Assert.Equal(2, merged.Body.Elements<Paragraph>().Count(p => p.ParagraphProperties?.PageBreakBefore is not null));
    }

    [Fact]
    public void Combined_refuses_an_empty_recipient_list()
    {
        var template = Template(P("{{ name }}"));

        Assert.Throws<ArgumentException>(() => new CombinedDocumentWriter(template).Write([], Stream.Null));
    }

    [Fact]
    public void Combined_restarts_numbered_lists_in_every_letter()
    {
        var template = Template(P("Dear {{ name }},") + NumberedP("first point") + NumberedP("second point"), AddNumbering);

        using var merged = Combine(template, RecipientValues(Names), out _);

        var numbering = merged.Main.NumberingDefinitionsPart!.Numbering!;
        var listIds = merged.Body.Descendants<NumberingId>().Select(n => n.Val!.Value).ToList();
        Assert.Equal(6, listIds.Count);
        Assert.Equal(3, listIds.Distinct().Count());
        Assert.Equal(listIds[0], listIds[1]);
        foreach (var id in listIds.Distinct())
        {
            var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == id);
            Assert.Equal(0, instance.AbstractNumId!.Val!.Value);
            var levelZero = instance.Elements<LevelOverride>().Single(o => o.LevelIndex!.Value == 0);
            Assert.Equal(1, levelZero.StartOverrideNumberingValue!.Val!.Value);
        }
    }

    [Fact]
    public void Combined_restarts_lists_numbered_through_a_paragraph_style_in_every_letter()
    {
        var template = Template(P("Dear {{ name }},") + StyledP("ListNumber", "first point") + StyledP("Steps", "second point"), AddListNumberStyle);

        using var merged = Combine(template, RecipientValues(Names), out _);

        var numbered = merged.Body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(6, numbered.Count);
        var listIds = numbered.Select(p => p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value).ToList();
        Assert.Equal(3, listIds.Distinct().Count());
        Assert.All(numbered, p => Assert.Equal(0, p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value));
    }

    [Fact]
    public void Combined_reports_missing_fields_by_letter()
    {
        var template = Template(P("{{ name }} {{ city }}"));
        var recipients = new IReadOnlyDictionary<string, string?>[]
        {
            new Dictionary<string, string?> { ["name"] = "Anna", ["city"] = "Opole" },
            new Dictionary<string, string?> { ["name"] = "Bartosz" },
            new Dictionary<string, string?> { ["city"] = "Kalisz" },
        };

        using var merged = Combine(template, recipients, out var result);

        Assert.Equal(3, result.LetterCount);
        Assert.Equal([1, 2], result.MissingFieldsByLetter.Keys.Order());
        Assert.Equal(["city"], result.MissingFieldsByLetter[1]);
        Assert.Equal(["name"], result.MissingFieldsByLetter[2]);
    }

    [Fact]
    public void Combined_keeps_bookmarks_and_drawing_ids_unique()
    {
        var template = Template(
            "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/><w:r><w:t>{{ name }}</w:t></w:r>"
            + TextBox(P("{{ name }}"), id: 5) + "</w:p>");

        using var merged = Combine(template, RecipientValues(Names), out _);

        Assert.Single(merged.Body.Descendants<BookmarkStart>());
        var drawingIds = merged.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Id!.Value).ToList();
        Assert.Equal(3, drawingIds.Distinct().Count());
    }

    [Fact]
    public async Task Combined_streams_recipients_read_asynchronously_to_a_forward_only_stream()
    {
        var template = Template(P("Dear {{ name }},"));
        var output = new ForwardOnlyStream();

        var result = await new CombinedDocumentWriter(template).WriteAsync(ReadSlowly(200), output);

        Assert.Equal(200, result.LetterCount);
        using var merged = new MergedDocument(output.ToArray());
        Assert.Equal(200, merged.Body.Elements<Paragraph>().Count());
        Assert.StartsWith("Dear Recipient 0,\nDear Recipient 1,", merged.BodyText, StringComparison.Ordinal);
        merged.AssertValid();
    }

    private static async IAsyncEnumerable<IReadOnlyDictionary<string, string?>> ReadSlowly(
        int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Dictionary<string, string?> { ["name"] = $"Recipient {i}" };
        }
    }
}
