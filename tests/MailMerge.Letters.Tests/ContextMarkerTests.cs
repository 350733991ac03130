using DocumentFormat.OpenXml.Wordprocessing;
using static MailMerge.Letters.Tests.Combining;
using static MailMerge.Letters.Tests.TestDocx;

namespace MailMerge.Letters.Tests;

/// <summary>The #BEGIN_CONTEXT# and #END_CONTEXT# markers: what repeats, and templates refused.</summary>
public sealed class ContextMarkerTests
{
    [Fact]
    public void Combined_repeats_only_the_part_between_the_markers()
    {
        var template = Template(
            P("Cover page for {{ batch }}") + P("#BEGIN_CONTEXT#") + P("Dear {{ name }},") + P("#END_CONTEXT#") + P("Printed by MailMerge"));
        var recipients = Names.Select(n => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["name"] = n, ["batch"] = "B-" + n });

        using var merged = Combine(template, recipients, out var result);

        Assert.True(template.HasContextMarkers);
        Assert.Null(template.ContextMarkerProblem);
        Assert.Equal(3, result.LetterCount);
        Assert.Equal("Cover page for B-Anna\nDear Anna,\nDear Bartosz,\nDear Celina,\nPrinted by MailMerge", merged.BodyText);
        Assert.DoesNotContain("CONTEXT", merged.Body.OuterXml, StringComparison.Ordinal);
    }

    [Fact]
    public void Combined_reads_markers_split_over_runs()
    {
        var template = Template(
            "<w:p><w:r><w:t>#BEGIN_</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>CONTEXT#</w:t></w:r></w:p>"
            + P("{{ name }}") + P("#END_CONTEXT#") + P("Annex"));

        using var merged = Combine(template, RecipientValues(Names), out _);

        Assert.Equal("Anna\nBartosz\nCelina\nAnnex", merged.BodyText);
    }

    [Fact]
    public void Merge_of_one_letter_removes_the_marker_paragraphs()
    {
        var template = Template(P("Intro") + P("#BEGIN_CONTEXT#") + P("Dear {{ name }},") + P("#END_CONTEXT#"));

        using var merged = MergedDocument.Merge(template, new() { ["name"] = "Anna" });

        Assert.Equal("Intro\nDear Anna,", merged.BodyText);
        merged.AssertValid();
    }

    [Theory]
    [InlineData("<BEGIN>{{ name }}", "#END_CONTEXT#")]
    [InlineData("{{ name }}<END>", "#BEGIN_CONTEXT#")]
    [InlineData("<END>{{ name }}<BEGIN>", "before")]
    [InlineData("<BEGIN>{{ name }}<END><BEGIN>x<END>", "only one")]
    [InlineData("<BEGIN><END>{{ name }}", "Nothing lies between")]
    public void Combined_refuses_a_template_with_broken_markers(string layout, string explanation)
    {
        var body = string.Concat(layout.Replace("<BEGIN>", "|#BEGIN_CONTEXT#|", StringComparison.Ordinal)
            .Replace("<END>", "|#END_CONTEXT#|", StringComparison.Ordinal)
            .Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(P));
        var template = Template(body);
        using var output = new MemoryStream();

        var error = Assert.Throws<LetterTemplateException>(() => new CombinedDocumentWriter(template).Write(RecipientValues(Names), output));

        Assert.Contains(explanation, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, template.ContextMarkerProblem);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Combined_refuses_a_marker_sharing_its_line_with_text()
    {
        var template = Template(P("#BEGIN_CONTEXT# Dear {{ name }}") + P("#END_CONTEXT#"));

        var error = Assert.Throws<LetterTemplateException>(() => new CombinedDocumentWriter(template).Write(RecipientValues(Names), Stream.Null));

        Assert.Contains("alone on its line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combined_refuses_a_marker_sharing_its_line_with_a_field()
    {
        var template = Template($"<w:p><w:r><w:t>#BEGIN_CONTEXT#</w:t></w:r>{Complex("MERGEFIELD name")}</w:p>" + P("#END_CONTEXT#"));

        Assert.Contains("alone on its line", template.ContextMarkerProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Combined_refuses_a_marker_inside_a_table()
    {
        var table =
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid>"
            + $"<w:tr><w:tc>{P("#BEGIN_CONTEXT#")}</w:tc></w:tr></w:tbl>";
        var template = Template(table + P("{{ name }}") + P("#END_CONTEXT#"));

        var error = Assert.Throws<LetterTemplateException>(() => new CombinedDocumentWriter(template).Write(RecipientValues(Names), Stream.Null));

        Assert.Contains("table", error.Message, StringComparison.Ordinal);
    }
}
