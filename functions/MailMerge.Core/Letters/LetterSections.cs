using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// Gives each letter of a combined document its own section when headers or footers hold fields, so each
/// letter's header and footer show its own recipient's values and its pages are numbered from 1. Letters
/// after the first get copies of those parts; the copies are spooled to a temporary file while the main part
/// is streamed, and added to the package after it.
/// </summary>
internal sealed class LetterSections : IDisposable
{
    private const string ContentTypesEntry = "[Content_Types].xml";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    private readonly DocxTemplate _template;
    private readonly List<TemplatePart> _parts;
    private readonly SectionProperties _final;
    private readonly FileStream _spool;
    private readonly List<SpooledCopy> _copies = [];

    private LetterSections(DocxTemplate template, List<TemplatePart> parts, SectionProperties final)
    {
        _template = template;
        _parts = parts;
        _final = final;
        _spool = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
    }

    /// <summary>The entries rewritten once all letters are known (relationships and content types).</summary>
    public IReadOnlyList<string> DeferredEntries =>
        [ContentTypesEntry, DocxPackageBuilder.RelationshipsOf(_template.MainDocument.EntryName)];

    /// <summary>Null when no header or footer holds a field: then letters share one section.</summary>
    public static LetterSections? Create(DocxTemplate template)
    {
        var parts = template.OtherParts.Where(p => p.Section is not null).ToList();
        var final = template.Body.Elements<SectionProperties>().LastOrDefault();
        return parts.Count == 0 || final is null ? null : new LetterSections(template, parts, template.Clone(final));
    }

    /// <summary>The section properties that close letter <paramref name="letterIndex"/>.</summary>
    public SectionProperties SectionFor(int letterIndex)
    {
        var section = (SectionProperties)_final.CloneNode(true);
        if (letterIndex == 0)
        {
            return section; // The first letter uses the template's own parts.
        }

        foreach (var reference in section.Elements<HeaderFooterReferenceType>())
        {
            var position = _parts.FindIndex(p => p.Section!.RelationshipId == reference.Id?.Value);
            if (position >= 0)
            {
                reference.Id = CopyId(letterIndex, position);
            }
        }

        // AddChild puts each element where the schema's order wants it.
        section.RemoveAllChildren<SectionType>();
        section.AddChild(new SectionType { Val = SectionMarkValues.NextPage });
        var numbering = section.GetFirstChild<PageNumberType>();
        if (numbering is null)
        {
            numbering = new PageNumberType();
            section.AddChild(numbering);
        }

        numbering.Start = 1;
        return section;
    }

    /// <summary>Renders the letter's own headers and footers (letters after the first) into the spool.</summary>
    public void AddLetter(int letterIndex, MergeValues values, CultureInfo culture, MissingFieldSet missing, ref uint nextDrawingId)
    {
        if (letterIndex == 0)
        {
            return;
        }

        for (var position = 0; position < _parts.Count; position++)
        {
            var root = _template.Clone(_parts[position].Root);
            LetterCopy.MakeIdentifiersUnique([root], ref nextDrawingId);
            FieldRenderer.Render(root, _template.Occurrences, values, culture, missing);
            var offset = _spool.Position;
            XmlPartWriter.WriteWhole(_spool, root);
            _copies.Add(new SpooledCopy(CopyEntry(_parts[position].EntryName, letterIndex), CopyId(letterIndex, position), _parts[position], offset, _spool.Position - offset));
        }
    }

    /// <summary>Writes the copies, then the main part's relationships and the content types that list them.</summary>
    public void WriteParts(DocxPackageBuilder package)
    {
        foreach (var copy in _copies)
        {
            _spool.Position = copy.Offset;
            using (var entry = package.Create(copy.EntryName))
            {
                CopyBytes(_spool, entry, copy.Length);
            }

            var relationships = DocxPackageBuilder.RelationshipsOf(copy.Source.EntryName);
            if (package.Contains(relationships))
            {
                package.CopyAs(relationships, DocxPackageBuilder.RelationshipsOf(copy.EntryName));
            }
        }

        var mainRelationships = DocxPackageBuilder.RelationshipsOf(_template.MainDocument.EntryName);
        var folder = _template.MainDocument.EntryName[..(_template.MainDocument.EntryName.LastIndexOf('/') + 1)];
        Rewrite(package, mainRelationships, root => root.Add(_copies.Select(c => new XElement(
            Relationships + "Relationship",
            new XAttribute("Id", c.RelationshipId),
            new XAttribute("Type", c.Source.Section!.RelationshipType),
            new XAttribute("Target", c.EntryName.StartsWith(folder, StringComparison.Ordinal) ? c.EntryName[folder.Length..] : "/" + c.EntryName)))));
        Rewrite(package, ContentTypesEntry, root => root.Add(_copies.Select(c => new XElement(
            ContentTypes + "Override",
            new XAttribute("PartName", "/" + c.EntryName),
            new XAttribute("ContentType", c.Source.Section!.ContentType)))));
    }

    public void Dispose() => _spool.Dispose();

    private static void Rewrite(DocxPackageBuilder package, string entryName, Action<XElement> change)
    {
        XDocument document;
        using (var source = package.Open(entryName))
        {
            document = XDocument.Load(source);
        }

        change(document.Root!);
        using var target = package.Create(entryName);
        document.Save(target);
    }

    private static void CopyBytes(Stream from, Stream to, long length)
    {
        var buffer = new byte[81920];
        while (length > 0)
        {
            var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0)
            {
                throw new EndOfStreamException("The spooled header or footer is shorter than written.");
            }

            to.Write(buffer, 0, read);
            length -= read;
        }
    }

    private static string CopyId(int letterIndex, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"mmLetter{letterIndex}Part{position}");

    private static string CopyEntry(string entryName, int letterIndex)
    {
        var dot = entryName.LastIndexOf('.');
        return string.Create(CultureInfo.InvariantCulture, $"{entryName[..dot]}-letter{letterIndex}{entryName[dot..]}");
    }

    private sealed record SpooledCopy(string EntryName, string RelationshipId, TemplatePart Source, long Offset, long Length);
}
