using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters.Tests;

/// <summary>
/// A merged .docx opened for assertions: its text, its XML, its validity. Every document the engine produces
/// in a test passes through here, and is validated on opening.
/// </summary>
internal sealed class MergedDocument : IDisposable
{
    private readonly WordprocessingDocument _document;

    public MergedDocument(byte[] bytes)
    {
        Bytes = bytes;
        _document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        AssertValid();
    }

    public byte[] Bytes { get; }

    public MainDocumentPart Main => _document.MainDocumentPart!;

    public Body Body => Main.Document!.Body!;

    /// <summary>The body's text: paragraphs end with a new line, w:br is a new line, w:tab a tab.</summary>
    public string BodyText => TextOf(Body);

    /// <summary>Text of the body, headers, footers and notes together.</summary>
    public string AllText =>
        string.Concat(
            new[] { (OpenXmlElement?)Body }
                .Concat(Main.HeaderParts.Select(p => (OpenXmlElement?)p.Header))
                .Concat(Main.FooterParts.Select(p => (OpenXmlElement?)p.Footer))
                .Append(Main.FootnotesPart?.Footnotes)
                .Append(Main.EndnotesPart?.Endnotes)
                .OfType<OpenXmlElement>()
                .Select(TextOf));

    public IEnumerable<OpenXmlPartRootElement> Roots =>
        new OpenXmlPartRootElement?[] { Main.Document, Main.FootnotesPart?.Footnotes, Main.EndnotesPart?.Endnotes }
            .Concat(Main.HeaderParts.Select(p => p.Header))
            .Concat(Main.FooterParts.Select(p => p.Footer))
            .OfType<OpenXmlPartRootElement>();

    public static MergedDocument Merge(DocxTemplate template, Dictionary<string, string?> values, out LetterMergeResult result, System.Globalization.CultureInfo? culture = null)
    {
        using var output = new MemoryStream();
        result = template.Merge(values, output, culture);
        return new MergedDocument(output.ToArray());
    }

    public static MergedDocument Merge(DocxTemplate template, Dictionary<string, string?> values, System.Globalization.CultureInfo? culture = null) =>
        Merge(template, values, out _, culture);

    public static string TextOf(OpenXmlElement root)
    {
        var text = new StringBuilder();
        foreach (var element in root.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case Break:
                    text.Append('\n');
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case ParagraphProperties:
                    break;
                case Paragraph:
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }

                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Fails with every validation error listed when the document is not valid Office Open XML.</summary>
    public void AssertValid()
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(_document).ToList();
        Assert.True(
            errors.Count == 0,
            "The document is not valid:\n" + string.Join(
                "\n",
                errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    /// <summary>Fails when any field code, simple field, placeholder or «field» result is left.</summary>
    public void AssertNoFieldLeft()
    {
        foreach (var root in Roots)
        {
            var xml = root.OuterXml;
            Assert.DoesNotContain("MERGEFIELD", xml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(root.Descendants<SimpleField>(), f => f.Instruction?.Value?.Contains("MERGEFIELD", StringComparison.OrdinalIgnoreCase) == true);
            var text = TextOf(root);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("«", text, StringComparison.Ordinal);
            Assert.DoesNotContain("urn:mailmerge", xml, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _document.Dispose();
}
