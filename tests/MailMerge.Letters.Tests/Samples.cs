namespace MailMerge.Letters.Tests;

/// <summary>The real Word templates from tests/samples/templates/docx, copied beside the test assembly.</summary>
internal static class Samples
{
    public static readonly string[] Files =
    [
        "test_issue8.docx",
        "test_macword2011.docx",
        "test_merge_pages.docx",
        "test_merge_table_rows.docx",
        "test_winword2010.docx",
    ];

    public static TheoryData<string> All => new(Files);

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Templates", file);

    public static DocxTemplate Load(string file)
    {
        using var stream = File.OpenRead(PathOf(file));
        return DocxTemplate.Load(stream);
    }

    /// <summary>A distinct value per field, with Polish letters so encoding mistakes show.</summary>
    public static Dictionary<string, string?> ValuesFor(DocxTemplate template, string suffix = "") =>
        template.Fields.ToDictionary(f => f, f => (string?)$"{f}-zażółć{suffix}");
}
