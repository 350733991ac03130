using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.IntegrationTests.Infrastructure;

/// <summary>Builds small Word templates for the letter tests and reads generated documents back.</summary>
internal static class LetterDocx
{
    /// <summary>
    /// A template whose paragraphs are the given lines; <c>«name»</c> becomes a simple MERGEFIELD (with
    /// <c>\* MERGEFORMAT</c>), <c>{{ name }}</c> stays a placeholder, <c>#LIST#</c> starts a numbered list item.
    /// </summary>
    public static byte[] Build(params string[] lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            var body = new StringBuilder();
            foreach (string line in lines)
            {
                body.Append("<w:p>");
                string text = line;
                if (text.StartsWith("#LIST#", StringComparison.Ordinal))
                {
                    body.Append("<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>");
                    text = text["#LIST#".Length..];
                }

                foreach (string part in System.Text.RegularExpressions.Regex.Split(text, "(«[^»]+»)"))
                {
                    if (part.StartsWith('«'))
                    {
                        string name = part[1..^1];
                        body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<w:fldSimple w:instr=\" MERGEFIELD {name} \\* MERGEFORMAT \"><w:r><w:rPr><w:b/></w:rPr><w:t>«{name}»</w:t></w:r></w:fldSimple>");
                    }
                    else if (part.Length > 0)
                    {
                        body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<w:r><w:t xml:space=\"preserve\">{WebUtility.HtmlEncode(part)}</w:t></w:r>");
                    }
                }

                body.Append("</w:p>");
            }

            main.Document = new Document(
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
                "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>" +
                "</w:body></w:document>");
            NumberingDefinitionsPart numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Validation errors of a document (Open XML SDK validator), as text; empty when valid.</summary>
    public static List<string> Errors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>The body text, paragraphs on their own lines.</summary>
    public static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>Whether any field code or placeholder is left.</summary>
    public static bool HasFieldLeft(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        OpenXmlElement body = document.MainDocumentPart!.Document!.Body!;
        return body.Descendants<SimpleField>().Any() || body.Descendants<FieldCode>().Any() || body.InnerText.Contains("{{", StringComparison.Ordinal)
            || body.InnerText.Contains('«', StringComparison.Ordinal);
    }
}
