using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MailMerge.Letters.Tests;

/// <summary>Builds hostile .docx-shaped zips in memory: parts of repeated bytes, a missing main part, lying headers.</summary>
internal static class ZipPackage
{
    public const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    public const string Relationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    /// <summary>A package with the content types and the package relationships to word/document.xml, plus the given parts.</summary>
    public static byte[] Build(params (string Name, long Bytes)[] repeatedByteParts)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteText(archive, "[Content_Types].xml", ContentTypes);
            WriteText(archive, "_rels/.rels", Relationships);
            foreach ((string name, long bytes) in repeatedByteParts)
            {
                using Stream part = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                byte[] chunk = new byte[64 * 1024];
                Array.Fill(chunk, (byte)' ');
                for (long left = bytes; left > 0; left -= chunk.Length)
                {
                    part.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
                }
            }
        }

        return zip.ToArray();
    }

    /// <summary>Rewrites an entry's declared uncompressed size, in its local header and in the central directory.</summary>
    public static byte[] DeclareLength(byte[] package, string entryName, uint declared)
    {
        byte[] copy = (byte[])package.Clone();
        byte[] name = Encoding.UTF8.GetBytes(entryName);
        for (int i = 0; i + 46 < copy.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i)) != 0x02014b50
                || !copy.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                continue;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(i + 24), declared);
            int local = (int)BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i + 42));
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(local + 22), declared);
            return copy;
        }

        throw new InvalidOperationException($"No central directory entry {entryName}.");
    }

    private static void WriteText(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(text);
    }
}
