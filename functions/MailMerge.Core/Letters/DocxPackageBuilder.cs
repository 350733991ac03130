using System.IO.Compression;
using DocumentFormat.OpenXml;

namespace MailMerge.Letters;

/// <summary>
/// Writes an output .docx as a zip, entry by entry: template entries copied byte for byte, rewritten parts
/// streamed in. Nothing is buffered beyond the entry being written, and the output need not be seekable.
/// </summary>
internal sealed class DocxPackageBuilder : IDisposable
{
    private readonly ZipArchive _source;
    private readonly ZipArchive _target;

    public DocxPackageBuilder(byte[] template, Stream output)
    {
        _source = new ZipArchive(new MemoryStream(template, writable: false), ZipArchiveMode.Read);
        _target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
    }

    /// <summary>The template's entry names, in the template's order.</summary>
    public IEnumerable<string> EntryNames => _source.Entries.Select(e => e.FullName);

    public void Copy(string entryName) => CopyAs(entryName, entryName);

    /// <summary>Copies a template entry under another name.</summary>
    public void CopyAs(string entryName, string targetName)
    {
        using var from = Open(entryName);
        using var to = Create(targetName);
        from.CopyTo(to);
    }

    public bool Contains(string entryName) => _source.GetEntry(entryName) is not null;

    /// <summary>Reads a template entry.</summary>
    public Stream Open(string entryName) =>
        (_source.GetEntry(entryName) ?? throw new InvalidOperationException($"The template has no entry {entryName}.")).Open();

    /// <summary>The relationships entry of a part: <c>word/_rels/document.xml.rels</c> for <c>word/document.xml</c>.</summary>
    public static string RelationshipsOf(string entryName)
    {
        var slash = entryName.LastIndexOf('/');
        return $"{entryName[..(slash + 1)]}_rels/{entryName[(slash + 1)..]}.rels";
    }

    public Stream Create(string entryName) => _target.CreateEntry(entryName, CompressionLevel.Optimal).Open();

    public void Write(string entryName, OpenXmlElement root)
    {
        using var stream = Create(entryName);
        XmlPartWriter.WriteWhole(stream, root);
    }

    public void Dispose()
    {
        _target.Dispose();
        _source.Dispose();
    }
}
