using System.Globalization;
using System.IO.Compression;

namespace MailMerge.Letters;

/// <summary>
/// The sizes a template's zip may unpack to. A .docx is a zip, so a small upload can declare (or, with lying
/// headers, hold) gigabytes; the template is checked against these limits before any Open XML parsing.
/// </summary>
public static class DocxPackageLimits
{
    /// <summary>Largest uncompressed size of one part (entry); a letter's document.xml is rarely over 1 MB.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>Largest uncompressed size of all parts together.</summary>
    public const long MaxTotalBytes = 128L * 1024 * 1024;

    /// <summary>Most entries in the zip; Word writes a few dozen.</summary>
    public const int MaxEntries = 1000;

    /// <summary>
    /// Highest compression ratio (uncompressed to compressed) of a part larger than <see cref="RatioCheckedFromBytes"/>.
    /// Word's XML compresses about 10:1; only a run of the same bytes, the usual bomb, comes near deflate's 1032:1.
    /// </summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>Parts below this size are not checked for their ratio: a small, highly repetitive part is harmless.</summary>
    public const long RatioCheckedFromBytes = 4L * 1024 * 1024;

    /// <summary>
    /// Refuses a package whose entries exceed the limits, first by the sizes the zip declares, then by counting
    /// the bytes each entry really unpacks to (a header may lie), stopping as soon as a limit is passed.
    /// </summary>
    /// <exception cref="LetterTemplateException">A limit is exceeded.</exception>
    /// <exception cref="InvalidDataException">The bytes are not a readable zip.</exception>
    public static void Check(byte[] package)
    {
        ArgumentNullException.ThrowIfNull(package);
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            throw Refused($"The file has {Count(zip.Entries.Count)} entries; a template may have at most {Count(MaxEntries)}.");
        }

        long declared = 0;
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            CheckPart(entry.FullName, entry.Length);
            if (entry.Length > RatioCheckedFromBytes && entry.Length > (long)MaxCompressionRatio * entry.CompressedLength)
            {
                throw Refused(
                    $"The part {entry.FullName} is compressed more than {MaxCompressionRatio}:1 "
                    + $"({Count(entry.CompressedLength)} bytes unpack to {Count(entry.Length)}), as only a decompression bomb is.");
            }

            declared += entry.Length;
            CheckTotal(declared);
        }

        long total = 0;
        byte[] buffer = new byte[81920];
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            using Stream content = entry.Open();
            long part = 0;
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                part += read;
                total += read;
                CheckPart(entry.FullName, part);
                CheckTotal(total);
                if (part > entry.Length)
                {
                    throw Refused($"The part {entry.FullName} unpacks to more than the {Count(entry.Length)} bytes its header declares; the file is damaged.");
                }
            }
        }
    }

    private static void CheckPart(string name, long bytes)
    {
        if (bytes > MaxPartBytes)
        {
            throw Refused($"The part {name} unpacks to more than {Megabytes(MaxPartBytes)}, the limit for one part of a template.");
        }
    }

    private static void CheckTotal(long bytes)
    {
        if (bytes > MaxTotalBytes)
        {
            throw Refused($"The file unpacks to more than {Megabytes(MaxTotalBytes)}, the limit for a whole template.");
        }
    }

    private static LetterTemplateException Refused(string reason) => new(reason + " Save the letter from Word as a .docx file and upload it again.");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB ({Count(bytes)} bytes)");
}
