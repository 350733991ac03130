using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// Where the part repeated per recipient lies in the template's body: between a <c>#BEGIN_CONTEXT#</c>
/// paragraph and an <c>#END_CONTEXT#</c> paragraph, or the whole body when the template has no markers.
/// </summary>
internal sealed class ContextLayout
{
    public const string BeginMarker = "#BEGIN_CONTEXT#";
    public const string EndMarker = "#END_CONTEXT#";

    private ContextLayout(bool hasMarkers, string? problem, int begin, int end, IReadOnlyList<int> markerParagraphs)
    {
        HasMarkers = hasMarkers;
        Problem = problem;
        BeginIndex = begin;
        EndIndex = end;
        MarkerParagraphs = markerParagraphs;
    }

    public bool HasMarkers { get; }

    /// <summary>Why the markers cannot be used, in words for the template's author; null when they can.</summary>
    public string? Problem { get; }

    /// <summary>Body child index of the <c>#BEGIN_CONTEXT#</c> paragraph; -1 without markers.</summary>
    public int BeginIndex { get; }

    /// <summary>Body child index of the <c>#END_CONTEXT#</c> paragraph; -1 without markers.</summary>
    public int EndIndex { get; }

    /// <summary>Body child indexes of every paragraph holding only a marker, ascending; removed from output.</summary>
    public IReadOnlyList<int> MarkerParagraphs { get; }

    public static ContextLayout Analyse(Body body)
    {
        var children = body.ChildElements.ToList();
        var begins = new List<int>();
        var ends = new List<int>();
        string? problem = null;
        var hasMarkers = false;
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            var text = ParagraphContent.Text(paragraph);
            var marker = text.Contains(BeginMarker, StringComparison.OrdinalIgnoreCase) ? BeginMarker
                : text.Contains(EndMarker, StringComparison.OrdinalIgnoreCase) ? EndMarker
                : null;
            if (marker is null)
            {
                continue;
            }

            hasMarkers = true;
            if (paragraph.Parent != body)
            {
                problem ??= $"The {marker} marker must be a paragraph of its own in the body of the template; "
                    + "it is inside a table, text box or content control. Move it out to a line of its own.";
            }
            else if (!text.Trim().Equals(marker, StringComparison.OrdinalIgnoreCase)
                || paragraph.Descendants().Any(FieldMarker.IsMarker))
            {
                problem ??= $"The {marker} marker must be alone on its line; the template has \"{text.Trim()}\". "
                    + "Put the marker on a line of its own.";
            }
            else
            {
                var index = children.IndexOf(paragraph);
                (marker == BeginMarker ? begins : ends).Add(index);
            }
        }

        var markerParagraphs = begins.Concat(ends).Order().ToList();
        problem ??= hasMarkers ? CheckPair(begins, ends) : null;
        var pairOk = hasMarkers && problem is null;
        return new ContextLayout(
            hasMarkers,
            problem,
            pairOk ? begins[0] : -1,
            pairOk ? ends[0] : -1,
            markerParagraphs);
    }

    /// <summary>The body children repeated per recipient, in order (whole body but section properties without markers).</summary>
    public (List<OpenXmlElement> Before, List<OpenXmlElement> Repeated, List<OpenXmlElement> After) Split(Body body)
    {
        var children = body.ChildElements.Where(c => c is not SectionProperties).ToList();
        if (BeginIndex < 0)
        {
            return ([], children, []);
        }

        var all = body.ChildElements.ToList();
        return (
            all.Take(BeginIndex).ToList(),
            all.Skip(BeginIndex + 1).Take(EndIndex - BeginIndex - 1).ToList(),
            all.Skip(EndIndex + 1).Where(c => c is not SectionProperties).ToList());
    }

    private static string? CheckPair(List<int> begins, List<int> ends)
    {
        if (begins.Count == 0)
        {
            return $"The template has {EndMarker} but no {BeginMarker}. Put {BeginMarker} on its own line where "
                + "the part repeated for each recipient starts.";
        }

        if (ends.Count == 0)
        {
            return $"The template has {BeginMarker} but no {EndMarker}. Put {EndMarker} on its own line where "
                + "the part repeated for each recipient ends.";
        }

        if (begins.Count > 1 || ends.Count > 1)
        {
            return $"The template has {begins.Count} {BeginMarker} and {ends.Count} {EndMarker} markers; "
                + "it may mark only one repeated part, with one of each.";
        }

        if (ends[0] < begins[0])
        {
            return $"{EndMarker} comes before {BeginMarker} in the template. Swap them so the repeated part lies "
                + "between them.";
        }

        if (ends[0] == begins[0] + 1)
        {
            return $"Nothing lies between {BeginMarker} and {EndMarker}. Put the letter repeated for each "
                + "recipient between them.";
        }

        return null;
    }
}
