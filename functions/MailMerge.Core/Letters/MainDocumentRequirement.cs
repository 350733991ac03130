using System.IO.Packaging;

namespace MailMerge.Letters;

/// <summary>
/// The package's main document part must exist before Open XML reads it: a zip whose relationships name a
/// missing word/document.xml otherwise fails deep in the SDK with an error that says nothing to the user.
/// </summary>
internal static class MainDocumentRequirement
{
    private static readonly string[] RelationshipTypes =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    ];

    /// <exception cref="LetterTemplateException">No package relationship leads to a main document part that exists.</exception>
    public static void Check(byte[] package)
    {
        using var stream = new MemoryStream(package, writable: false);
        using Package zip = Package.Open(stream, FileMode.Open, FileAccess.Read);
        var root = new Uri("/", UriKind.Relative);
        bool found = zip.GetRelationships()
            .Where(r => r.TargetMode == TargetMode.Internal && RelationshipTypes.Contains(r.RelationshipType, StringComparer.Ordinal))
            .Any(r => Exists(zip, root, r.TargetUri));
        if (!found)
        {
            throw new LetterTemplateException(
                "The file has no main document part (word/document.xml); it is not a Word document (.docx). Save it from Word as a .docx file and upload it again.");
        }
    }

    private static bool Exists(Package zip, Uri root, Uri target)
    {
        try
        {
            return zip.PartExists(PackUriHelper.ResolvePartUri(root, target));
        }
        catch (ArgumentException)
        {
            // A target that is no part name (a query, a fragment, outside the package) leads nowhere.
            return false;
        }
    }
}
