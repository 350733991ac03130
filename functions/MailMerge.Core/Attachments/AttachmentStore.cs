using System.Security.Cryptography;
using Azure.Storage.Blobs;
using MailMerge.Storage;

namespace MailMerge.Attachments;

/// <summary>Uploaded attachments in Blob storage, by resource name, with their file name and media type.</summary>
public sealed class AttachmentStore(BlobServiceClient blobs)
{
    // Blob metadata must be ASCII: the Unicode file name is kept percent-encoded.
    private const string FileNameKey = "filename";
    private const string Sha256Key = "sha256";

    private readonly BlobFolder folder = new(blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer), "application/octet-stream");

    /// <summary>Stores or replaces an attachment and describes what was stored.</summary>
    public async Task<AttachmentInfo> SaveAsync(string name, string fileName, string contentType, BinaryData content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span));
        await folder.SaveAsync(name, content, contentType, Metadata(fileName, sha256), cancellationToken);
        return (await DescribeAsync(name, cancellationToken))!;
    }

    /// <summary>An attachment with its content, or null when there is none by that name.</summary>
    public async Task<AttachmentFile?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        BlobFile? file = await folder.FindFileAsync(name, cancellationToken);
        return file is null ? null : new AttachmentFile(Describe(file.Info, file.Info.Name), file.Content);
    }

    /// <summary>An attachment's description without its content, or null.</summary>
    public async Task<AttachmentInfo?> DescribeAsync(string name, CancellationToken cancellationToken = default)
    {
        BlobFileInfo? info = await folder.DescribeAsync(name, cancellationToken);
        return info is null ? null : Describe(info, info.Name);
    }

    /// <summary>Every uploaded attachment, in name order.</summary>
    public async Task<List<AttachmentInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<AttachmentInfo>();
        await foreach (BlobFileInfo info in folder.ListAsync(cancellationToken: cancellationToken))
        {
            all.Add(Describe(info, info.Name));
        }

        return all;
    }

    /// <summary>Deletes an attachment; false when there was none. Campaigns keep their own copies.</summary>
    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) => folder.DeleteAsync(name, cancellationToken);

    /// <summary>The metadata an attachment's blob carries (also on a campaign's frozen copy).</summary>
    internal static Dictionary<string, string> Metadata(string fileName, string sha256) => new()
    {
        [FileNameKey] = Uri.EscapeDataString(fileName),
        [Sha256Key] = sha256,
    };

    /// <summary>Reads a blob's properties back into a description; <paramref name="name"/> is the attachment's resource name.</summary>
    internal static AttachmentInfo Describe(BlobFileInfo blob, string name)
    {
        ArgumentNullException.ThrowIfNull(blob);
        string fileName = blob.Metadata.TryGetValue(FileNameKey, out string? encoded) ? Uri.UnescapeDataString(encoded) : name;
        return new AttachmentInfo(
            name,
            fileName,
            blob.ContentType ?? "application/octet-stream",
            blob.Bytes,
            blob.Metadata.TryGetValue(Sha256Key, out string? sha256) ? sha256 : string.Empty,
            blob.LastModified);
    }
}
