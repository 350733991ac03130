using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// Lists numbered through a paragraph style (List Number, numbered headings): the style, not the
/// paragraph, names the list. To restart such a list per letter, the paragraph is given the style's
/// numbering explicitly, which prints the same and can then point to the letter's own list instance.
/// </summary>
internal sealed class StyleNumbering
{
    private const int MaxStyleDepth = 20;

    private readonly Dictionary<string, (int NumberingId, int Level)> _byStyle;

    private StyleNumbering(Dictionary<string, (int NumberingId, int Level)> byStyle)
    {
        _byStyle = byStyle;
    }

    public static StyleNumbering Create(Styles? styles, Numbering? numbering)
    {
        var byStyle = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (styles is null || numbering is null)
        {
            return new StyleNumbering(byStyle);
        }

        var paragraphStyles = styles.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null && (s.Type is null || s.Type.Value == StyleValues.Paragraph))
            .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var styleId in paragraphStyles.Keys)
        {
            if (Resolve(styleId, paragraphStyles) is { } properties && properties.NumberingId?.Val?.Value is int id && id > 0)
            {
                var level = properties.NumberingLevelReference?.Val?.Value ?? LinkedLevel(styleId, id, numbering) ?? 0;
                byStyle[styleId] = (id, level);
            }
        }

        return new StyleNumbering(byStyle);
    }

    /// <summary>Gives paragraphs numbered by their style that numbering directly.</summary>
    public void MakeExplicit(IEnumerable<OpenXmlElement> elements)
    {
        if (_byStyle.Count == 0)
        {
            return;
        }

        foreach (var paragraph in elements.SelectMany(e => e.Descendants<Paragraph>().Prepend(e as Paragraph)).OfType<Paragraph>())
        {
            var properties = paragraph.ParagraphProperties;
            if (properties?.ParagraphStyleId?.Val?.Value is not { } styleId
                || properties.NumberingProperties is not null
                || !_byStyle.TryGetValue(styleId, out var numbering))
            {
                continue;
            }

            properties.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = numbering.Level },
                new NumberingId { Val = numbering.NumberingId });
        }
    }

    private static NumberingProperties? Resolve(string styleId, Dictionary<string, Style> styles)
    {
        var current = styleId;
        for (var depth = 0; depth < MaxStyleDepth && current is not null && styles.TryGetValue(current, out var style); depth++)
        {
            if (style.StyleParagraphProperties?.NumberingProperties is { } numbering)
            {
                return numbering;
            }

            current = style.BasedOn?.Val?.Value;
        }

        return null;
    }

    /// <summary>The level of the list whose definition names the style (w:lvl/w:pStyle), as Word links them.</summary>
    private static int? LinkedLevel(string styleId, int numberingId, Numbering numbering)
    {
        var abstractId = numbering.Elements<NumberingInstance>()
            .FirstOrDefault(n => n.NumberID?.Value == numberingId)?.AbstractNumId?.Val?.Value;
        return numbering.Elements<AbstractNum>()
            .FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
            .Elements<Level>()
            .FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?
            .LevelIndex?.Value;
    }
}
