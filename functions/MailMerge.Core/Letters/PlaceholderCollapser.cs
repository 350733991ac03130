using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// Replaces <c>{{ name }}</c> placeholders with markers, also when Word split one over several runs (after
/// an edit, a spelling mark or a language change) and put proofing marks or bookmarks between the pieces.
/// A placeholder never spans a tab, break, drawing or field: those end the text it is read from.
/// </summary>
internal static partial class PlaceholderCollapser
{
    // Stands for anything in a paragraph that is not plain text; no placeholder may span it.
    private const char Barrier = '\uFFFF';

    public static void Collapse(OpenXmlElement root, List<FieldOccurrence> occurrences)
    {
        foreach (var paragraph in root.Descendants<Paragraph>().ToList())
        {
            if (paragraph.InnerText.Contains("{{", StringComparison.Ordinal))
            {
                CollapseParagraph(paragraph, occurrences);
            }
        }
    }

    private static void CollapseParagraph(Paragraph paragraph, List<FieldOccurrence> occurrences)
    {
        foreach (var run in ParagraphContent.Runs(paragraph))
        {
            SplitToSingleContent(run);
        }

        var text = new StringBuilder();
        var pieces = new List<Piece>();
        foreach (var item in ParagraphContent.InlineItems(paragraph))
        {
            var content = item is Run run ? run.ChildElements.Where(c => c is not RunProperties).ToList() : [item];
            foreach (var element in content)
            {
                if (element is Text t && item is Run owner)
                {
                    pieces.Add(new Piece(owner, t, text.Length));
                    text.Append(t.Text);
                }
                else
                {
                    text.Append(Barrier);
                }
            }
        }

        var matches = PlaceholderPattern().Matches(text.ToString());
        for (var m = matches.Count - 1; m >= 0; m--)
        {
            var match = matches[m];
            var name = match.Groups["name"].Value.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var first = pieces.Last(p => p.Start <= match.Index);
            var lastCharacter = match.Index + match.Length - 1;
            var last = pieces.Last(p => p.Start <= lastCharacter);
            Replace(first, last, match.Index, match.Index + match.Length, pieces, name, occurrences);
        }
    }

    private static void Replace(
        Piece first, Piece last, int start, int end, List<Piece> pieces, string name, List<FieldOccurrence> occurrences)
    {
        var firstText = first.Text.Text;
        var before = firstText[..(start - first.Start)];
        var lastText = last.Text.Text;
        var after = lastText[(end - last.Start)..];

        var marker = FieldMarker.Create(occurrences.Count);
        occurrences.Add(new FieldOccurrence(
            MergeFieldInstruction.ForPlaceholder(name),
            first.Run.RunProperties?.OuterXml));
        first.Run.InsertAfterSelf(marker);

        if (ReferenceEquals(first, last))
        {
            if (after.Length > 0)
            {
                var tail = (Run)first.Run.CloneNode(true);
                SetText(tail.GetFirstChild<Text>()!, after);
                marker.InsertAfterSelf(tail);
            }
        }
        else
        {
            foreach (var middle in pieces.Where(p => p.Start > first.Start && p.Start < last.Start))
            {
                middle.Run.Remove();
            }

            SetText(last.Text, after);
            if (after.Length == 0)
            {
                last.Run.Remove();
            }
        }

        SetText(first.Text, before);
        if (before.Length == 0)
        {
            first.Run.Remove();
        }
    }

    private static void SetText(Text text, string value)
    {
        text.Text = value;
        text.Space = SpaceProcessingModeValues.Preserve;
    }

    /// <summary>Gives each piece of a run's content its own run with the same formatting.</summary>
    private static void SplitToSingleContent(Run run)
    {
        var content = run.ChildElements.Where(c => c is not RunProperties).ToList();
        if (content.Count <= 1)
        {
            return;
        }

        OpenXmlElement previous = run;
        foreach (var element in content.Skip(1))
        {
            var piece = new Run();
            if (run.RunProperties is { } properties)
            {
                piece.AppendChild(properties.CloneNode(true));
            }

            element.Remove();
            piece.AppendChild(element);
            previous.InsertAfterSelf(piece);
            previous = piece;
        }
    }

    [GeneratedRegex(@"\{\{(?<name>[^{}\uFFFF]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    private sealed record Piece(Run Run, Text Text, int Start);
}
