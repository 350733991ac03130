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

    public void Copy(string entryName)
    {
        var source = _source.GetEntry(entryName) ?? throw new InvalidOperationException($"No entry {entryName}.");
        using var from = source.Open();
        using var to = _target.CreateEntry(entryName, CompressionLevel.Optimal).Open();
        from.CopyTo(to);
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
