using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DrawingProperties = DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties;
using WordMailMerge = DocumentFormat.OpenXml.Wordprocessing.MailMerge;

namespace MailMerge.Letters;

/// <summary>
/// A Word letter template (.docx), parsed once and merged any number of times.
/// </summary>
/// <remarks>
/// <para>
/// Fields are Word MERGEFIELDs (simple or complex, switches <c>\b</c> <c>\f</c> <c>\@</c> <c>\#</c>
/// <c>\*</c>) and <c>{{ name }}</c> placeholders, in the body, tables, text boxes, headers, footers,
/// footnotes and endnotes. Names match values without regard to letter case. A merged value takes the
/// formatting of the field's result run (of the placeholder's first run); line breaks in a value become line
/// breaks, tabs tabs. A field whose value is absent or null renders empty and is reported as missing; an
/// empty string is a value.
/// </para>
/// <para>
/// Word's mail-merge data-source settings are removed from merged documents, so Word opens them as plain
/// documents. Paragraphs holding only <c>#BEGIN_CONTEXT#</c> or <c>#END_CONTEXT#</c> are removed from a
/// single letter; <see cref="CombinedDocumentWriter"/> uses them. Merging may run on several threads at once.
/// </para>
/// </remarks>
public sealed class DocxTemplate
{
    private readonly System.Threading.Lock _gate = new();

    private DocxTemplate(
        byte[] package,
        TemplatePart mainDocument,
        IReadOnlyList<TemplatePart> otherParts,
        TemplatePart? numbering,
        IReadOnlyList<FieldOccurrence> occurrences,
        ContextLayout layout,
        StyleNumbering styleNumbering,
        uint maxDrawingId)
    {
        Package = package;
        MainDocument = mainDocument;
        OtherParts = otherParts;
        NumberingPart = numbering;
        Occurrences = occurrences;
        Layout = layout;
        StyleNumbering = styleNumbering;
        MaxDrawingId = maxDrawingId;
        Fields = occurrences
            .Select(o => o.Field.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>The names of the template's fields, each once (ignoring case), in the order first met.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Whether the template contains <c>#BEGIN_CONTEXT#</c> or <c>#END_CONTEXT#</c> markers.</summary>
    public bool HasContextMarkers => Layout.HasMarkers;

    /// <summary>
    /// Why the markers cannot be used for a combined document (only one of them, END before BEGIN, a marker in
    /// a table or sharing its line with text), in words for the template's author; null when they can be used
    /// or there are none.
    /// </summary>
    public string? ContextMarkerProblem => Layout.Problem;

    internal byte[] Package { get; }

    internal TemplatePart MainDocument { get; }

    internal IReadOnlyList<TemplatePart> OtherParts { get; }

    internal TemplatePart? NumberingPart { get; }

    internal IReadOnlyList<FieldOccurrence> Occurrences { get; }

    internal ContextLayout Layout { get; }

    internal StyleNumbering StyleNumbering { get; }

    internal uint MaxDrawingId { get; }

    internal Body Body => ((Document)MainDocument.Root).Body!;

    /// <summary>Reads and parses a .docx template.</summary>
    /// <exception cref="LetterTemplateException">The stream does not hold a Word document.</exception>
    public static DocxTemplate Load(Stream template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var buffer = new MemoryStream();
        template.CopyTo(buffer);
        return FromBytes(buffer.ToArray());
    }

    /// <summary>Reads a .docx template from a stream read asynchronously (a blob download), then parses it.</summary>
    /// <exception cref="LetterTemplateException">The stream does not hold a Word document.</exception>
    public static async Task<DocxTemplate> LoadAsync(Stream template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var buffer = new MemoryStream();
        await template.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return FromBytes(buffer.ToArray());
    }

    /// <summary>Merges one recipient's values into one letter written to <paramref name="output"/> as .docx.</summary>
    /// <param name="values">Field values by field name (any letter case); a null value counts as missing.</param>
    /// <param name="output">Receives the document; need not be seekable; left open.</param>
    /// <param name="culture">Culture for <c>\@</c> dates and <c>\#</c> numbers; invariant when null.</param>
    public LetterMergeResult Merge(IReadOnlyDictionary<string, string?> values, Stream output, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        var merge = new MergeValues(values);
        var missing = new MissingFieldSet();
        culture ??= CultureInfo.InvariantCulture;

        var document = Clone(MainDocument.Root);
        var body = ((Document)document).Body!;
        var children = body.ChildElements.ToList();
        foreach (var index in Layout.MarkerParagraphs)
        {
            children[index].Remove();
        }

        FieldRenderer.Render(document, Occurrences, merge, culture, missing);
        using (var package = new DocxPackageBuilder(Package, output))
        {
            foreach (var entry in package.EntryNames.ToList())
            {
                if (IsEntry(entry, MainDocument))
                {
                    package.Write(entry, document);
                }
                else if (OtherParts.FirstOrDefault(p => IsEntry(entry, p)) is { } part)
                {
                    var root = Clone(part.Root);
                    FieldRenderer.Render(root, Occurrences, merge, culture, missing);
                    package.Write(entry, root);
                }
                else
                {
                    package.Copy(entry);
                }
            }
        }

        return new LetterMergeResult(missing.ToList());
    }

    internal static bool IsEntry(string entryName, TemplatePart? part) =>
        part is not null && string.Equals(entryName, part.EntryName, StringComparison.OrdinalIgnoreCase);

    /// <summary>A deep copy of a parsed template element; copies are taken one at a time.</summary>
    internal T Clone<T>(T element)
        where T : OpenXmlElement
    {
        lock (_gate)
        {
            return (T)element.CloneNode(true);
        }
    }

    /// <summary>A copy of the element without its children (for its start tag).</summary>
    internal T CloneShallow<T>(T element)
        where T : OpenXmlElement
    {
        lock (_gate)
        {
            return (T)element.CloneNode(false);
        }
    }

    private static DocxTemplate FromBytes(byte[] package)
    {
        try
        {
            DocxPackageLimits.Check(package);
            MainDocumentRequirement.Check(package);
            return Parse(AsDocument(package));
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException)
        {
            throw new LetterTemplateException(
                "The template is not a Word document (.docx) or is damaged. Save it from Word as a .docx file and upload it again.",
                e);
        }
    }

    private static DocxTemplate Parse(byte[] package)
    {
        using var stream = new MemoryStream(package, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var main = document.MainDocumentPart
            ?? throw new LetterTemplateException("The file has no document body; it is not a Word document (.docx).");
        if (main.Document?.Body is null)
        {
            throw new LetterTemplateException("The document has no body; save it from Word as a .docx file.");
        }

        var occurrences = new List<FieldOccurrence>();
        var mainPart = Normalise(main, occurrences)!;
        var others = new List<TemplatePart>();
        var drawingIds = mainPart.Root.Descendants<DrawingProperties>().Select(d => d.Id?.Value ?? 0).ToList();
        var notes = new OpenXmlPart?[] { main.FootnotesPart, main.EndnotesPart };
        foreach (var part in main.HeaderParts.Cast<OpenXmlPart>().Concat(main.FooterParts).Concat(notes.OfType<OpenXmlPart>()))
        {
            if (Normalise(part, occurrences) is { } normalised)
            {
                drawingIds.AddRange(normalised.Root.Descendants<DrawingProperties>().Select(d => d.Id?.Value ?? 0));
                if (normalised.Root.Descendants().Any(FieldMarker.IsMarker))
                {
                    var section = part is HeaderPart or FooterPart
                        ? new SectionPartReference(main.GetIdOfPart(part), part.RelationshipType, part.ContentType)
                        : null;
                    others.Add(normalised with { Section = section });
                }
            }
        }

        if (main.DocumentSettingsPart?.Settings is { } settings && settings.GetFirstChild<WordMailMerge>() is not null)
        {
            // The data source belongs to the template; in a merged letter Word would ask for it again.
            var cleaned = (Settings)settings.CloneNode(true);
            cleaned.GetFirstChild<WordMailMerge>()!.Remove();
            others.Add(new TemplatePart(EntryName(main.DocumentSettingsPart), cleaned));
        }

        var numbering = main.NumberingDefinitionsPart?.Numbering is { } numberingRoot
            ? new TemplatePart(EntryName(main.NumberingDefinitionsPart), (Numbering)numberingRoot.CloneNode(true))
            : null;
        var used = Renumber(mainPart.Root, others, occurrences);
        var layout = ContextLayout.Analyse(((Document)mainPart.Root).Body!);
        RequireEntries(package, others.Append(mainPart).Append(numbering));
        var styleNumbering = StyleNumbering.Create(main.StyleDefinitionsPart?.Styles, main.NumberingDefinitionsPart?.Numbering);
        return new DocxTemplate(
            package, mainPart, others, numbering, used, layout, styleNumbering, drawingIds.DefaultIfEmpty(0u).Max());
    }

    /// <summary>A Word template (.dotx) becomes a document, so merged letters open as documents.</summary>
    private static byte[] AsDocument(byte[] package)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            if (document.DocumentType != WordprocessingDocumentType.Template)
            {
                return package;
            }

            document.ChangeDocumentType(WordprocessingDocumentType.Document);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Output is written entry by entry under the parts' names; a package naming its parts in ways the zip
    /// does not (escaped characters) would lose a part silently, so it is refused here.
    /// </summary>
    private static void RequireEntries(byte[] package, IEnumerable<TemplatePart?> parts)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(package, writable: false));
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.OfType<TemplatePart>())
        {
            if (!names.Contains(part.EntryName))
            {
                throw new LetterTemplateException(
                    $"The document's part {part.EntryName} could not be found in the file. Save the template again from Word as a .docx file.");
            }
        }
    }

    private static TemplatePart? Normalise(OpenXmlPart part, List<FieldOccurrence> occurrences)
    {
        if (part.RootElement is null)
        {
            return null;
        }

        var root = (OpenXmlPartRootElement)part.RootElement.CloneNode(true);
        WordFieldCollapser.Collapse(root, occurrences);
        PlaceholderCollapser.Collapse(root, occurrences);
        return new TemplatePart(EntryName(part), root);
    }

    /// <summary>Numbers the surviving markers 0, 1, 2... in document order and keeps only their occurrences.</summary>
    private static List<FieldOccurrence> Renumber(
        OpenXmlElement mainRoot, IEnumerable<TemplatePart> others, List<FieldOccurrence> occurrences)
    {
        var used = new List<FieldOccurrence>();
        foreach (var marker in FieldMarker.FindAll(mainRoot).Concat(others.SelectMany(p => FieldMarker.FindAll(p.Root))))
        {
            used.Add(occurrences[FieldMarker.IndexOf(marker)]);
            FieldMarker.SetIndex(marker, used.Count - 1);
        }

        return used;
    }

    private static string EntryName(OpenXmlPart part) => Uri.UnescapeDataString(part.Uri.OriginalString).TrimStart('/');
}
