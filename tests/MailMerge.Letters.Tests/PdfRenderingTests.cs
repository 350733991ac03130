using static MailMerge.Letters.Tests.TestDocx;

namespace MailMerge.Letters.Tests;

/// <summary>Merged letters as a printer would get them: converted to PDF by LibreOffice.</summary>
public sealed class PdfRenderingTests : IDisposable
{
    private static readonly string[] Names = ["Anna", "Bartosz", "Celina"];

    private readonly PdfRendering _pdf = new();

    public void Dispose() => _pdf.Dispose();

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Merged_sample_letter_shows_its_values_in_the_pdf(string file)
    {
        var template = Samples.Load(file);
        // No hyphens: pdftotext joins a word hyphenated at a line end.
        var values = template.Fields.ToDictionary(f => f, f => (string?)$"{f} zażółć");
        using var output = new MemoryStream();
        template.Merge(values, output);

        var text = _pdf.Text(_pdf.Convert(output.ToArray(), Path.GetFileNameWithoutExtension(file)));

        // Narrow table cells wrap long values, so compare without white space.
        var compact = Compact(text);
        foreach (var value in values.Values)
        {
            Assert.Contains(Compact(value!), compact, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("«", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MERGEFIELD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Merged_letter_shows_nasty_values_formatted_in_the_pdf()
    {
        var template = Template(
            $"<w:p><w:r><w:t xml:space=\"preserve\">Dear </w:t></w:r>{Complex("MERGEFIELD \"First Name\"")}<w:r><w:t>,</w:t></w:r></w:p>"
            + P("Company: {{ company }}")
            + $"<w:p><w:r><w:t xml:space=\"preserve\">Due: </w:t></w:r>{Complex("MERGEFIELD due \\@ \"d MMMM yyyy\"")}</w:p>");
        using var output = new MemoryStream();
        template.Merge(
            new Dictionary<string, string?> { ["first name"] = "Zażółć Gęślą", ["company"] = "Tom & Jerry <sp. j.> \"Łódź\"", ["due"] = "2026-12-03" },
            output,
            System.Globalization.CultureInfo.GetCultureInfo("pl-PL"));

        var text = _pdf.Text(_pdf.Convert(output.ToArray(), "nasty"));

        Assert.Contains("Dear Zażółć Gęślą,", text, StringComparison.Ordinal);
        Assert.Contains("Company: Tom & Jerry <sp. j.> \"Łódź\"", text, StringComparison.Ordinal);
        Assert.Contains("Due: 3 grudnia 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Combined_document_of_three_one_page_letters_has_three_pages()
    {
        var template = Samples.Load("test_winword2010.docx");
        var recipients = Enumerable.Range(1, 3)
            .Select(i => (IReadOnlyDictionary<string, string?>)Samples.ValuesFor(template, $"#{i}"))
            .ToList();
        using var output = new MemoryStream();
        new CombinedDocumentWriter(template).Write(recipients, output);

        var pdf = _pdf.Convert(output.ToArray(), "combined");

        Assert.Equal(3, _pdf.Pages(pdf));
        var pages = _pdf.Text(pdf).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Contains($"Voornaam-zażółć#{i}", pages[i - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Combined_document_prints_each_recipient_in_its_own_header_and_numbers_pages_per_letter()
    {
        var template = Template(main =>
        {
            var header = AddHeader(main, P("Letter for {{ name }}"));
            var footer = AddFooter(main, $"<w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>{PageField}</w:p>");
            return P("Dear {{ name }},") + "<w:p><w:r><w:br w:type=\"page\"/><w:t>Second page</w:t></w:r></w:p>"
                + $"<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{header}\"/><w:footerReference w:type=\"default\" r:id=\"{footer}\"/>"
                + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>";
        });
        var recipients = Names.Select(n => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["name"] = n });
        using var output = new MemoryStream();
        new CombinedDocumentWriter(template).Write(recipients, output);

        var pdf = _pdf.Convert(output.ToArray(), "headers");

        Assert.Equal(6, _pdf.Pages(pdf));
        var pages = _pdf.Text(pdf).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < 6; i++)
        {
            Assert.Contains($"Letter for {Names[i / 2]}", pages[i], StringComparison.Ordinal);
            Assert.Contains($"Page {(i % 2) + 1}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Combined_document_with_markers_prints_the_shared_parts_once()
    {
        var template = Template(
            P("Cover sheet") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            + P("#BEGIN_CONTEXT#") + P("Dear {{ name }},") + NumberedP("first point") + NumberedP("second point")
            + StyledP("ListNumber", "third point") + P("#END_CONTEXT#"),
            AddListNumberStyle);
        var recipients = Names.Select(n => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["name"] = n });
        using var output = new MemoryStream();
        new CombinedDocumentWriter(template).Write(recipients, output);

        var pdf = _pdf.Convert(output.ToArray(), "markers");

        Assert.Equal(4, _pdf.Pages(pdf));
        var text = _pdf.Text(pdf);
        Assert.Equal(1, Count(text, "Cover sheet"));
        Assert.Equal(3, Count(text, "1. first point"));
        Assert.Equal(3, Count(text, "2. second point"));
        Assert.Equal(3, Count(text, "3. third point"));
        Assert.DoesNotContain("CONTEXT", text, StringComparison.Ordinal);
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
