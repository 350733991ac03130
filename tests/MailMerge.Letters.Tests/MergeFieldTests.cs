using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using static MailMerge.Letters.Tests.TestDocx;

namespace MailMerge.Letters.Tests;

public sealed class MergeFieldTests
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    private static MergedDocument MergeParagraph(string paragraphContent, Dictionary<string, string?> values, CultureInfo? culture = null)
    {
        var template = Template($"<w:p>{paragraphContent}</w:p>");
        var merged = MergedDocument.Merge(template, values, culture);
        merged.AssertNoFieldLeft();
        merged.AssertValid();
        return merged;
    }

    [Fact]
    public void Merge_replaces_simple_field()
    {
        using var merged = MergeParagraph(
            "<w:r><w:t xml:space=\"preserve\">Dear </w:t></w:r>" + Simple("MERGEFIELD name \\* MERGEFORMAT"),
            new() { ["name"] = "Anna" });

        Assert.Equal("Dear Anna", merged.BodyText);
    }

    [Fact]
    public void Merge_replaces_complex_field()
    {
        using var merged = MergeParagraph(Complex("MERGEFIELD city \\* MERGEFORMAT"), new() { ["city"] = "Kraków" });

        Assert.Equal("Kraków", merged.BodyText);
    }

    [Fact]
    public void Merge_replaces_complex_field_whose_instruction_is_split_over_runs()
    {
        var field =
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> MERGE</w:instrText></w:r>"
            + "<w:r><w:instrText>FIELD \"Post</w:instrText></w:r>"
            + "<w:proofErr w:type=\"spellStart\"/>"
            + "<w:r><w:instrText xml:space=\"preserve\">code\" \\* MERGE</w:instrText></w:r>"
            + "<w:r><w:instrText>FORMAT</w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + "<w:r><w:t>«Post</w:t></w:r><w:r><w:t>code»</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";

        using var merged = MergeParagraph(field + "<w:r><w:t xml:space=\"preserve\"> Warszawa</w:t></w:r>", new() { ["Postcode"] = "00-950" });

        Assert.Equal("00-950 Warszawa", merged.BodyText);
    }

    [Fact]
    public void Merge_replaces_complex_field_whose_characters_share_one_run()
    {
        var field =
            "<w:r><w:fldChar w:fldCharType=\"begin\"/><w:instrText>MERGEFIELD code</w:instrText>"
            + "<w:fldChar w:fldCharType=\"separate\"/><w:t>«code»</w:t><w:fldChar w:fldCharType=\"end\"/></w:r>";

        using var merged = MergeParagraph(field, new() { ["code"] = "X1" });

        Assert.Equal("X1", merged.BodyText);
    }

    [Fact]
    public void Merge_replaces_complex_field_that_has_no_result_yet()
    {
        var field =
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:rPr><w:b/></w:rPr><w:instrText xml:space=\"preserve\"> MERGEFIELD name </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";

        using var merged = MergeParagraph(field, new() { ["name"] = "Jan" });

        Assert.Equal("Jan", merged.BodyText);
        Assert.NotNull(merged.Body.Descendants<Run>().Single().RunProperties?.Bold);
    }

    [Fact]
    public void Merge_reads_quoted_field_names_with_spaces()
    {
        var template = Template(
            $"<w:p>{Complex("MERGEFIELD \"First Name\"")}<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>{Simple("MERGEFIELD \"Last Name\" \\* MERGEFORMAT")}</w:p>");

        using var merged = MergedDocument.Merge(template, new() { ["First Name"] = "Jan", ["Last Name"] = "Kowalski" });

        Assert.Equal(["First Name", "Last Name"], template.Fields);
        Assert.Equal("Jan Kowalski", merged.BodyText);
    }

    [Fact]
    public void Merge_matches_field_names_ignoring_case()
    {
        using var merged = MergeParagraph(Complex("MERGEFIELD FirstName"), new() { ["firstname"] = "Ewa" });

        Assert.Equal("Ewa", merged.BodyText);
    }

    [Fact]
    public void Merge_renders_a_missing_value_empty_and_reports_the_field()
    {
        var template = Template($"<w:p><w:r><w:t xml:space=\"preserve\">Dear </w:t></w:r>{Complex("MERGEFIELD title")}{Complex("MERGEFIELD name")}</w:p>");

        using var merged = MergedDocument.Merge(template, new() { ["name"] = "Ola", ["title"] = null }, out var result);

        Assert.Equal("Dear Ola", merged.BodyText);
        Assert.Equal(["title"], result.MissingFields);
    }

    [Fact]
    public void Merge_counts_an_empty_value_as_given()
    {
        var template = Template($"<w:p>{Complex("MERGEFIELD title")}</w:p>");

        using var merged = MergedDocument.Merge(template, new() { ["title"] = string.Empty }, out var result);

        Assert.Empty(result.MissingFields);
        Assert.Equal(string.Empty, merged.BodyText);
        merged.AssertValid();
    }

    [Fact]
    public void Merge_keeps_the_formatting_of_the_field_result_run()
    {
        var bold = "<w:rPr><w:b/><w:color w:val=\"FF0000\"/></w:rPr>";

        using var merged = MergeParagraph(
            Complex("MERGEFIELD name", bold) + Simple("MERGEFIELD city", "<w:rPr><w:i/></w:rPr>"),
            new() { ["name"] = "Anna", ["city"] = "Gdańsk" });

        var runs = merged.Body.Descendants<Run>().ToList();
        Assert.Equal(2, runs.Count);
        Assert.NotNull(runs[0].RunProperties?.Bold);
        Assert.Equal("FF0000", runs[0].RunProperties?.Color?.Val?.Value);
        Assert.NotNull(runs[1].RunProperties?.Italic);
    }

    [Theory]
    [InlineData("Anna", "Dear Anna,")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Merge_puts_text_before_and_after_only_around_a_non_empty_value(string? value, string expected)
    {
        using var merged = MergeParagraph(
            Complex("MERGEFIELD name \\b \"Dear \" \\f \",\" \\* MERGEFORMAT"),
            new() { ["name"] = value });

        Assert.Equal(expected, merged.BodyText);
    }

    [Theory]
    [InlineData("2026-12-03", "d MMMM yyyy", "pl-PL", "3 grudnia 2026")]
    [InlineData("2026-12-03", "dd/MM/yyyy", "pl-PL", "03/12/2026")]
    [InlineData("2026-03-01 14:05", "MMMM d, yyyy h:mm AM/PM", "en-US", "March 1, 2026 2:05 PM")]
    [InlineData("03.12.2026", "yyyy-MM-dd", "pl-PL", "2026-12-03")]
    [InlineData("2026-12-03", "dddd", "pl-PL", "czwartek")]
    [InlineData("2026-12-03", "d", "pl-PL", "3")]
    [InlineData("2026-12-03T23:30:00+01:00", "d MMMM yyyy HH:mm", "pl-PL", "3 grudnia 2026 23:30")]
    [InlineData("2026-12-03T23:30:00Z", "yyyy-MM-dd HH:mm", "pl-PL", "2026-12-03 23:30")]
    [InlineData("soon", "d MMMM yyyy", "pl-PL", "soon")]
    public void Merge_formats_dates_by_the_date_switch_in_the_given_culture(string value, string picture, string culture, string expected)
    {
        using var merged = MergeParagraph(
            Complex($"MERGEFIELD due \\@ \"{picture}\" \\* MERGEFORMAT"),
            new() { ["due"] = value },
            CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, merged.BodyText);
    }

    [Theory]
    [InlineData("1234.5", "#,##0.00", "en-US", "1,234.50")]
    [InlineData("1234.5", "0.0", "pl-PL", "1234,5")]
    [InlineData("1234,5", "0.00 'zł'", "pl-PL", "1234,50 zł")]
    [InlineData("0.25", "0%", "en-US", "0%")]
    [InlineData("7", "000", "en-US", "007")]
    [InlineData("12", "+0", "en-US", "+12")]
    [InlineData("n/a", "0.00", "en-US", "n/a")]
    public void Merge_formats_numbers_by_the_number_switch_in_the_given_culture(string value, string picture, string culture, string expected)
    {
        using var merged = MergeParagraph(
            Complex($"MERGEFIELD amount \\# \"{picture}\""),
            new() { ["amount"] = value },
            CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, merged.BodyText);
    }

    [Fact]
    public void Merge_groups_thousands_with_the_cultures_separator()
    {
        using var merged = MergeParagraph(Complex("MERGEFIELD amount \\# \"#,##0.00\""), new() { ["amount"] = "1234567.891" }, Polish);

        var group = Polish.NumberFormat.NumberGroupSeparator;
        Assert.Equal($"1{group}234{group}567,89", merged.BodyText);
    }

    [Theory]
    [InlineData("Upper", "ŁÓDŹ ŻYTNIA")]
    [InlineData("Lower", "łódź żytnia")]
    [InlineData("Caps", "Łódź Żytnia")]
    [InlineData("FirstCap", "Łódź żytnia")]
    public void Merge_applies_case_switches(string format, string expected)
    {
        var value = format == "Lower" ? "ŁÓDŹ Żytnia" : "łódź żytnia";

        using var merged = MergeParagraph(Complex($"MERGEFIELD street \\* {format} \\* MERGEFORMAT"), new() { ["street"] = value }, Polish);

        Assert.Equal(expected, merged.BodyText);
    }

    [Fact]
    public void Merge_leaves_fields_other_than_merge_fields_alone()
    {
        var template = Template($"<w:p>{Complex("PAGE")}{Simple("NUMPAGES")}</w:p>");

        using var merged = MergedDocument.Merge(template, new Dictionary<string, string?>());

        Assert.Empty(template.Fields);
        Assert.Contains(merged.Body.Descendants<FieldCode>(), c => c.Text.Contains("PAGE", StringComparison.Ordinal));
        Assert.Single(merged.Body.Descendants<SimpleField>());
        merged.AssertValid();
    }

    [Fact]
    public void Merge_replaces_a_merge_field_nested_in_another_field()
    {
        var field =
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> IF </w:instrText></w:r>"
            + Complex("MERGEFIELD kind")
            + "<w:r><w:instrText xml:space=\"preserve\"> = \"a\" \"yes\" \"no\" </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>no</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        var template = Template($"<w:p>{field}</w:p>");

        using var merged = MergedDocument.Merge(template, new() { ["kind"] = "a" });

        Assert.Equal(["kind"], template.Fields);
        Assert.DoesNotContain("MERGEFIELD", merged.Body.OuterXml, StringComparison.Ordinal);
        merged.AssertValid();
    }
}
