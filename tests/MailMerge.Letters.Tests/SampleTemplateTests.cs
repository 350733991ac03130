using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters.Tests;

public sealed class SampleTemplateTests
{
    [Theory]
    [InlineData("test_issue8.docx", new[] { "testfield" })]
    [InlineData("test_macword2011.docx", new[] { "first_name", "last_name", "address_line", "postal_code", "city", "state", "country", "date" })]
    [InlineData("test_merge_pages.docx", new[] { "fieldname" })]
    [InlineData("test_merge_table_rows.docx", new[] { "student_name", "study_name", "class_code", "class_name", "class_grade", "thesis_grade" })]
    [InlineData("test_winword2010.docx", new[] { "Titel", "Voornaam", "Achternaam", "Adresregel_1", "Postcode", "Plaats", "Provincie", "Land_of_regio" })]
    public void Load_lists_each_field_of_the_sample_once_in_document_order(string file, string[] expected)
    {
        var template = Samples.Load(file);

        Assert.Equal(expected, template.Fields);
        Assert.False(template.HasContextMarkers);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Merge_replaces_every_field_of_the_sample_with_its_value(string file)
    {
        var template = Samples.Load(file);
        var values = Samples.ValuesFor(template);

        using var merged = MergedDocument.Merge(template, values, out var result);

        Assert.Empty(result.MissingFields);
        merged.AssertNoFieldLeft();
        foreach (var value in values.Values)
        {
            Assert.Contains(value!, merged.BodyText, StringComparison.Ordinal);
        }

        merged.AssertValid();
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Merge_renders_fields_without_values_empty_and_reports_them(string file)
    {
        var template = Samples.Load(file);

        using var merged = MergedDocument.Merge(template, new Dictionary<string, string?>(), out var result);

        Assert.Equal(template.Fields, result.MissingFields);
        merged.AssertNoFieldLeft();
        merged.AssertValid();
    }

    [Fact]
    public void Merge_keeps_the_text_around_fields_of_the_sample()
    {
        var template = Samples.Load("test_macword2011.docx");
        var values = new Dictionary<string, string?> { ["first_name"] = "Zofia", ["last_name"] = "Łukasiewicz" };

        using var merged = MergedDocument.Merge(template, values);

        Assert.Contains("Zofia Łukasiewicz\n", merged.BodyText, StringComparison.Ordinal);
        Assert.Contains("Dear Zofia,", merged.BodyText, StringComparison.Ordinal);
        Assert.Contains("I hope this message finds you well.", merged.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_removes_the_templates_mail_merge_data_source()
    {
        var template = Samples.Load("test_winword2010.docx");

        using var merged = MergedDocument.Merge(template, Samples.ValuesFor(template));

        var settings = merged.Main.DocumentSettingsPart!.Settings!;
        Assert.Null(settings.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.MailMerge>());
        merged.AssertValid();
    }

    [Fact]
    public void Merge_keeps_the_samples_header_and_footer()
    {
        var template = Samples.Load("test_merge_pages.docx");

        using var merged = MergedDocument.Merge(template, Samples.ValuesFor(template));

        Assert.Contains("Header Content is Here", merged.AllText, StringComparison.Ordinal);
        Assert.Contains("Footer Content is Here", merged.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Combined_document_of_the_sample_holds_every_recipients_values(string file)
    {
        var template = Samples.Load(file);
        var recipients = Enumerable.Range(1, 3).Select(i => (IReadOnlyDictionary<string, string?>)Samples.ValuesFor(template, $"#{i}")).ToList();
        using var output = new MemoryStream();

        var result = new CombinedDocumentWriter(template).Write(recipients, output);

        Assert.Equal(3, result.LetterCount);
        Assert.Empty(result.MissingFieldsByLetter);
        using var merged = new MergedDocument(output.ToArray());
        merged.AssertNoFieldLeft();
        foreach (var value in recipients.SelectMany(r => r.Values))
        {
            Assert.Contains(value!, merged.BodyText, StringComparison.Ordinal);
        }

        Assert.Single(merged.Body.Elements<SectionProperties>());
        merged.AssertValid();
    }
}
