using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// Makes numbered lists start again in every letter of a combined document: each letter's paragraphs get
/// their own list instances (w:num), each pointing to the template's list definition with a start override
/// on every level.
/// </summary>
internal sealed class NumberingRestart
{
    private const int LevelCount = 9;

    private readonly Numbering _numbering;
    private readonly List<NumberingInstance> _templates;
    private readonly Dictionary<int, int> _positions;
    private readonly int _firstNewId;

    private NumberingRestart(Numbering numbering, List<NumberingInstance> templates, Dictionary<int, int> positions, int firstNewId)
    {
        _numbering = numbering;
        _templates = templates;
        _positions = positions;
        _firstNewId = firstNewId;
    }

    /// <summary>Null when the repeated part uses no list, so numbering.xml can be copied unchanged.</summary>
    public static NumberingRestart? Create(Numbering? numbering, IEnumerable<OpenXmlElement> repeated)
    {
        if (numbering is null)
        {
            return null;
        }

        var used = repeated
            .SelectMany(e => e.Descendants<NumberingId>())
            .Select(n => n.Val?.Value ?? 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();
        var instances = numbering.Elements<NumberingInstance>().ToList();
        var templates = new List<NumberingInstance>();
        var positions = new Dictionary<int, int>();
        foreach (var id in used)
        {
            var instance = instances.FirstOrDefault(n => n.NumberID?.Value == id);
            if (instance is null)
            {
                continue;
            }

            positions[id] = templates.Count;
            templates.Add(WithStartOverrides(instance, numbering));
        }

        if (templates.Count == 0)
        {
            return null;
        }

        var firstNewId = instances.Select(n => n.NumberID?.Value ?? 0).DefaultIfEmpty(0).Max() + 1;
        return new NumberingRestart(numbering, templates, positions, firstNewId);
    }

    /// <summary>Points the letter's list paragraphs to the letter's own list instances.</summary>
    public void Remap(IEnumerable<OpenXmlElement> letter, int letterIndex)
    {
        foreach (var numberingId in letter.SelectMany(e => e.Descendants<NumberingId>()))
        {
            if (numberingId.Val?.Value is int id && _positions.TryGetValue(id, out var position))
            {
                numberingId.Val = NewId(letterIndex, position);
            }
        }
    }

    /// <summary>Writes numbering.xml with the template's definitions and one set of instances per letter.</summary>
    public void Write(Stream stream, int letterCount)
    {
        using var writer = XmlPartWriter.Create(stream);
        XmlPartWriter.WriteStartTag(writer, _numbering);
        var cleanup = new List<OpenXmlElement>();
        foreach (var child in _numbering.ChildElements)
        {
            if (child is NumberingIdMacAtCleanup)
            {
                cleanup.Add(child);
            }
            else
            {
                child.WriteTo(writer);
            }
        }

        for (var letter = 0; letter < letterCount; letter++)
        {
            for (var position = 0; position < _templates.Count; position++)
            {
                var instance = (NumberingInstance)_templates[position].CloneNode(true);
                instance.NumberID = NewId(letter, position);
                instance.WriteTo(writer);
            }
        }

        foreach (var element in cleanup)
        {
            element.WriteTo(writer);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private int NewId(int letterIndex, int position) => _firstNewId + (letterIndex * _templates.Count) + position;

    private static NumberingInstance WithStartOverrides(NumberingInstance original, Numbering numbering)
    {
        var instance = (NumberingInstance)original.CloneNode(true);
        var abstractId = instance.AbstractNumId?.Val?.Value;
        var levels = numbering.Elements<AbstractNum>()
            .FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
            .Elements<Level>()
            .ToDictionary(l => l.LevelIndex?.Value ?? 0, l => l.StartNumberingValue?.Val?.Value ?? 0)
            ?? [];
        for (var level = 0; level < LevelCount; level++)
        {
            var levelOverride = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level);
            if (levelOverride is null)
            {
                levelOverride = new LevelOverride { LevelIndex = level };
                instance.AppendChild(levelOverride);
            }

            if (levelOverride.StartOverrideNumberingValue is null)
            {
                var start = levels.TryGetValue(level, out var value) ? value : 1;
                levelOverride.StartOverrideNumberingValue = new StartOverrideNumberingValue { Val = start };
            }
        }

        return instance;
    }
}
