using DocumentFormat.OpenXml.Wordprocessing;
using static MailMerge.Letters.Tests.TestDocx;

namespace MailMerge.Letters.Tests;

public sealed class PlaceholderTests
{
    private static MergedDocument MergeBody(string body, Dictionary<string, string?> values, out DocxTemplate template)
    {
        template = Template(body);
        var merged = MergedDocument.Merge(template, values);
        merged.AssertNoFieldLeft();
        merged.AssertValid();
        return merged;
    }

    [Fact]
    public void Merge_replaces_placeholder_in_one_run()
    {
        using var merged = MergeBody(P("Dear {{ first_name }}, welcome."), new() { ["first_name"] = "Anna" }, out var template);

        Assert.Equal(["first_name"], template.Fields);
        Assert.Equal("Dear Anna, welcome.", merged.BodyText);
    }

    [Fact]
    public void Merge_replaces_placeholder_split_over_runs_with_proofing_marks_and_bookmarks_between()
    {
        var paragraph =
            "<w:p><w:r><w:t xml:space=\"preserve\">Dear {</w:t></w:r>"
            + "<w:r><w:rPr><w:lang w:val=\"pl-PL\"/></w:rPr><w:t>{</w:t></w:r>"
            + "<w:proofErr w:type=\"spellStart\"/>"
            + "<w:r><w:t xml:space=\"preserve\"> first</w:t></w:r>"
            + "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>"
            + "<w:r><w:t>_name</w:t></w:r>"
            + "<w:proofErr w:type=\"spellEnd\"/>"
            + "<w:r><w:t xml:space=\"preserve\"> }</w:t></w:r>"
            + "<w:r><w:t>}, hello.</w:t></w:r></w:p>";

        using var merged = MergeBody(paragraph, new() { ["first_name"] = "Zbigniew" }, out var template);

        Assert.Equal(["first_name"], template.Fields);
        Assert.Equal("Dear Zbigniew, hello.", merged.BodyText);
    }

    [Fact]
    public void Merge_replaces_placeholders_sharing_runs()
    {
        var paragraph =
            "<w:p><w:r><w:t>{{a}} and {{b</w:t></w:r><w:r><w:t>}} and {{</w:t></w:r><w:r><w:t>c}}!</w:t></w:r></w:p>";

        using var merged = MergeBody(paragraph, new() { ["a"] = "1", ["b"] = "2", ["c"] = "3" }, out var template);

        Assert.Equal(["a", "b", "c"], template.Fields);
        Assert.Equal("1 and 2 and 3!", merged.BodyText);
    }

    [Fact]
    public void Merge_replaces_placeholder_inside_a_hyperlink()
    {
        var paragraph =
            "<w:p><w:hyperlink w:anchor=\"top\"><w:r><w:t>{{ na</w:t></w:r></w:hyperlink><w:r><w:t>me }}</w:t></w:r></w:p>";

        using var merged = MergeBody(paragraph, new() { ["name"] = "Iga" }, out _);

        Assert.Equal("Iga", merged.BodyText);
    }

    [Fact]
    public void Merge_gives_the_value_the_formatting_of_the_placeholders_first_run()
    {
        var paragraph =
            "<w:p><w:r><w:t xml:space=\"preserve\">To: </w:t></w:r>"
            + "<w:r><w:rPr><w:b/></w:rPr><w:t>{{</w:t></w:r>"
            + "<w:r><w:rPr><w:i/></w:rPr><w:t>name}}</w:t></w:r></w:p>";

        using var merged = MergeBody(paragraph, new() { ["name"] = "Olga" }, out _);

        var valueRun = merged.Body.Descendants<Run>().Single(r => r.InnerText == "Olga");
        Assert.NotNull(valueRun.RunProperties?.Bold);
        Assert.Null(valueRun.RunProperties?.Italic);
    }

    [Fact]
    public void Merge_matches_placeholder_names_ignoring_case()
    {
        using var merged = MergeBody(P("{{ City }}"), new() { ["CITY"] = "Toruń" }, out _);

        Assert.Equal("Toruń", merged.BodyText);
    }

    [Fact]
    public void Merge_reports_placeholders_without_values()
    {
        var template = Template(P("{{ a }}-{{ b }}"));

        using var merged = MergedDocument.Merge(template, new() { ["a"] = "x" }, out var result);

        Assert.Equal("x-", merged.BodyText);
        Assert.Equal(["b"], result.MissingFields);
    }

    [Fact]
    public void Load_ignores_braces_that_are_no_placeholder()
    {
        var template = Template(P("{{ }} and { single } and {{ open"));

        using var merged = MergedDocument.Merge(template, new Dictionary<string, string?>());

        Assert.Empty(template.Fields);
        Assert.Equal("{{ }} and { single } and {{ open", merged.BodyText);
    }

    [Fact]
    public void Merge_does_not_join_a_placeholder_across_a_tab()
    {
        var template = Template("<w:p><w:r><w:t>{{na</w:t><w:tab/><w:t>me}}</w:t></w:r></w:p>");

        Assert.Empty(template.Fields);
    }
}
