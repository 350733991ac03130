using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using DrawingProperties = DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties;

namespace MailMerge.Letters;

/// <summary>
/// Prepares one copy of the repeated part for a combined document: a page break before every letter but the
/// first, and identifiers that must stay unique in a document (bookmarks, paragraph ids, drawing ids,
/// content-control ids) made unique or dropped in the copies after the first.
/// </summary>
internal static class LetterCopy
{
    private const string Word2010Namespace = "http://schemas.microsoft.com/office/word/2010/wordml";

    /// <summary>Makes the letter start on a new page without leaving an empty line or page behind.</summary>
    public static void StartOnNewPage(List<OpenXmlElement> letter)
    {
        if (letter.Count > 0 && letter[0] is Paragraph first)
        {
            // Prepended by hand: the typed setter places it after any field marker, where pPr is invalid.
            var properties = first.ParagraphProperties ?? first.PrependChild(new ParagraphProperties());
            properties.PageBreakBefore = new PageBreakBefore();
            return;
        }

        // A table (or content control) cannot carry the break: a hair-thin paragraph before it does.
        letter.Insert(0, new Paragraph(new ParagraphProperties(
            new PageBreakBefore(),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
            new ParagraphMarkRunProperties(new FontSize { Val = "2" }))));
    }

    /// <summary>Drops or renumbers identifiers the first copy already uses.</summary>
    public static void MakeIdentifiersUnique(List<OpenXmlElement> letter, ref uint nextDrawingId)
    {
        foreach (var element in letter)
        {
            foreach (var bookmark in element.Descendants().Where(e => e is BookmarkStart or BookmarkEnd).ToList())
            {
                bookmark.Remove();
            }

            foreach (var sdtId in element.Descendants<SdtId>().ToList())
            {
                sdtId.Remove();
            }

            foreach (var drawing in element.Descendants<DrawingProperties>())
            {
                drawing.Id = nextDrawingId++;
            }

            foreach (var node in element.Descendants().Prepend(element))
            {
                node.RemoveAttribute("paraId", Word2010Namespace);
                node.RemoveAttribute("textId", Word2010Namespace);
            }
        }
    }

    /// <summary>
    /// Removes the template's own page break after its letter (paragraphs holding only a page break, or a page
    /// break ending the last paragraph): with the break between letters it would print a blank page.
    /// </summary>
    public static void TrimTrailingPageBreaks(List<OpenXmlElement> letter)
    {
        while (letter.Count > 1 && IsPageBreakOnly(letter[^1]))
        {
            letter.RemoveAt(letter.Count - 1);
        }

        if (letter.Count == 0 || letter[^1] is not Paragraph last)
        {
            return;
        }

        var lastRun = ParagraphContent.Runs(last).LastOrDefault(r => r.ChildElements.Any(c => c is not RunProperties));
        var lastContent = lastRun?.ChildElements.LastOrDefault(c => c is not RunProperties);
        if (lastContent is Break { Type.Value: var type } && type == BreakValues.Page)
        {
            lastContent.Remove();
        }
    }

    private static bool IsPageBreakOnly(OpenXmlElement element) =>
        element is Paragraph paragraph
        && ParagraphContent.Text(paragraph).Trim().Length == 0
        && paragraph.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page)
        && !paragraph.Descendants().Any(e => e is Drawing or FieldChar or SimpleField || FieldMarker.IsMarker(e));
}
