using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// The state of one combined document being written: the main part streamed letter by letter, with the
/// counts and missing fields gathered on the way. Only the letter being merged is held in memory.
/// </summary>
internal sealed class CombinedDocumentSession : IDisposable
{
    private readonly DocxTemplate _template;
    private readonly CultureInfo _culture;
    private readonly MergeValues _first;
    private readonly List<OpenXmlElement> _before;
    private readonly List<OpenXmlElement> _repeated;
    private readonly List<OpenXmlElement> _after;
    private readonly NumberingRestart? _numbering;
    private readonly LetterSections? _sections;
    private readonly Dictionary<int, IReadOnlyList<string>> _missingByLetter = [];
    private readonly MissingFieldSet _sharedMissing = new();
    private XmlWriter? _writer;
    private OpenXmlElement? _pending;
    private int _letterCount;
    private uint _nextDrawingId;

    public CombinedDocumentSession(DocxTemplate template, CultureInfo culture, MergeValues first)
    {
        _template = template;
        _culture = culture;
        _first = first;
        (_before, _repeated, _after) = template.Layout.Split(template.Body);

        var numbering = template.NumberingPart?.Root is Numbering root ? template.Clone(root) : null;
        var sample = _repeated.Select(template.Clone).ToList();
        template.StyleNumbering.MakeExplicit(sample);
        _numbering = NumberingRestart.Create(numbering, sample);
        _nextDrawingId = template.MaxDrawingId + 1;
        _sections = LetterSections.Create(template);
    }

    public bool RestartsNumbering => _numbering is not null;

    /// <summary>Template entries written only after the main part, when every letter is known.</summary>
    public IReadOnlyList<string> DeferredEntries => _sections?.DeferredEntries ?? [];

    /// <summary>Renders a part shared by all letters (header, footer, notes) with the first recipient's values.</summary>
    public OpenXmlElement RenderShared(OpenXmlElement root)
    {
        var copy = _template.Clone(root);
        FieldRenderer.Render(copy, _template.Occurrences, _first, _culture, _sharedMissing);
        return copy;
    }

    /// <summary>Starts the main part: document and body start tags, then what precedes the repeated part.</summary>
    public void Begin(Stream stream)
    {
        _writer = XmlPartWriter.Create(stream);
        var document = (Document)_template.MainDocument.Root;
        XmlPartWriter.WriteStartTag(_writer, _template.CloneShallow(document));
        foreach (var child in document.ChildElements.TakeWhile(c => c is not Body))
        {
            _template.Clone(child).WriteTo(_writer);
        }

        XmlPartWriter.WriteStartTag(_writer, _template.CloneShallow(_template.Body));
        WriteShared(_before);
    }

    public void AddLetter(MergeValues values)
    {
        var writer = _writer ?? throw new InvalidOperationException("Begin was not called.");
        var letter = _repeated.Select(_template.Clone).ToList();
        LetterCopy.TrimTrailingPageBreaks(letter);
        if (_letterCount > 0)
        {
            if (_sections is null)
            {
                LetterCopy.StartOnNewPage(letter);
            }

            LetterCopy.MakeIdentifiersUnique(letter, ref _nextDrawingId);
        }

        if (_numbering is not null)
        {
            _template.StyleNumbering.MakeExplicit(letter);
            _numbering.Remap(letter, _letterCount);
        }
        var missing = new MissingFieldSet();
        foreach (var element in letter)
        {
            FieldRenderer.Render(element, _template.Occurrences, values, _culture, missing);
        }

        if (_sections is null)
        {
            letter.ForEach(element => element.WriteTo(writer));
        }
        else if (letter.Count > 0)
        {
            // The previous letter's last element closes its section, now that another letter follows.
            if (_pending is not null)
            {
                WriteClosingSection(_pending, _sections.SectionFor(_letterCount - 1));
            }

            letter.Take(letter.Count - 1).ToList().ForEach(element => element.WriteTo(writer));
            _pending = letter[^1];
            _sections.AddLetter(_letterCount, values, _culture, missing, ref _nextDrawingId);
        }

        if (missing.Count > 0)
        {
            _missingByLetter[_letterCount] = missing.ToList();
        }

        _letterCount++;
    }

    /// <summary>Writes what follows the repeated part, the section properties, and closes the part.</summary>
    public void End()
    {
        var writer = _writer ?? throw new InvalidOperationException("Begin was not called.");
        _pending?.WriteTo(writer);
        _pending = null;
        WriteShared(_after);
        foreach (var section in _template.Body.Elements<SectionProperties>())
        {
            var last = _sections?.SectionFor(Math.Max(0, _letterCount - 1)) ?? _template.Clone(section);
            last.WriteTo(writer);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
        writer.Dispose();
        _writer = null;
    }

    public void WriteNumbering(Stream stream) => _numbering?.Write(stream, _letterCount);

    /// <summary>Adds the letters' own headers and footers and the deferred entries that list them.</summary>
    public void WriteSectionParts(DocxPackageBuilder package) => _sections?.WriteParts(package);

    public void Dispose() => _sections?.Dispose();

    public CombinedDocumentResult Result()
    {
        // Shared fields show the first recipient's values, so their gaps are the first letter's gaps.
        if (_sharedMissing.Count > 0)
        {
            var first = _missingByLetter.TryGetValue(0, out var own) ? own : [];
            _missingByLetter[0] = first.Concat(_sharedMissing.ToList()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        return new CombinedDocumentResult(_letterCount, _missingByLetter);
    }

    private void WriteClosingSection(OpenXmlElement last, SectionProperties section)
    {
        if (last is Paragraph paragraph && paragraph.ParagraphProperties?.SectionProperties is null)
        {
            var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
            properties.SectionProperties = section;
            paragraph.WriteTo(_writer!);
            return;
        }

        // A table cannot carry a section break: a hair-thin paragraph after it does.
        last.WriteTo(_writer!);
        new Paragraph(new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
            ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "2" }),
            SectionProperties = section,
        }).WriteTo(_writer!);
    }

    private void WriteShared(List<OpenXmlElement> elements)
    {
        foreach (var element in elements.Select(_template.Clone))
        {
            FieldRenderer.Render(element, _template.Occurrences, _first, _culture, _sharedMissing);
            element.WriteTo(_writer!);
        }
    }
}
