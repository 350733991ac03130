using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// The runs and field markers that belong to one paragraph, in reading order: it looks through hyperlinks,
/// content controls, revision marks and the like, but not into runs, so a text box's paragraphs (inside a
/// run's drawing) stay their own paragraphs.
/// </summary>
internal static class ParagraphContent
{
    public static List<OpenXmlElement> InlineItems(Paragraph paragraph)
    {
        var items = new List<OpenXmlElement>();
        Collect(paragraph, items);
        return items;
    }

    public static List<Run> Runs(Paragraph paragraph) => InlineItems(paragraph).OfType<Run>().ToList();

    /// <summary>The paragraph's own visible text (w:t of its runs), without nested text boxes.</summary>
    public static string Text(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var run in Runs(paragraph))
        {
            foreach (var t in run.ChildElements.OfType<Text>())
            {
                text.Append(t.Text);
            }
        }

        return text.ToString();
    }

    private static void Collect(OpenXmlElement parent, List<OpenXmlElement> items)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case Run:
                    items.Add(child);
                    break;
                case Paragraph or ParagraphProperties:
                    break;
                case OpenXmlUnknownElement when FieldMarker.IsMarker(child):
                    items.Add(child);
                    break;
                default:
                    if (child.HasChildren)
                    {
                        Collect(child, items);
                    }

                    break;
            }
        }
    }
}
