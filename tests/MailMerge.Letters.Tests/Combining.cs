using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters.Tests;

/// <summary>Writing combined documents in tests: recipients with a name, and the result opened and checked.</summary>
internal static class Combining
{
    public static readonly string[] Names = ["Anna", "Bartosz", "Celina"];

    public static IEnumerable<IReadOnlyDictionary<string, string?>> RecipientValues(params string[] names) =>
        names.Select(n => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["name"] = n });

    /// <summary>Writes the combined document and checks it holds no field and is valid.</summary>
    public static MergedDocument Combine(DocxTemplate template, IEnumerable<IReadOnlyDictionary<string, string?>> recipients, out CombinedDocumentResult result)
    {
        using var output = new MemoryStream();
        result = new CombinedDocumentWriter(template).Write(recipients, output);
        var merged = new MergedDocument(output.ToArray());
        merged.AssertNoFieldLeft();
        merged.AssertValid();
        return merged;
    }

    public static List<Paragraph> BodyParagraphs(MergedDocument merged) => merged.Body.Elements<Paragraph>().ToList();
}
