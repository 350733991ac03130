using Azure.Storage.Blobs;
using MailMerge.Storage;

namespace MailMerge.Recipients;

/// <summary>Uploaded recipient CSV files in Blob storage, by name, kept exactly as uploaded.</summary>
public sealed class RecipientListStore(BlobServiceClient blobs)
{
    private readonly BlobFolder folder = new(blobs.GetBlobContainerClient(StorageNames.RecipientListsContainer), "text/csv; charset=utf-8");

    /// <summary>Stores or replaces a list.</summary>
    public Task SaveAsync(string name, BinaryData csv, CancellationToken cancellationToken = default) => folder.SaveAsync(name, csv, cancellationToken);

    /// <summary>Reads a list, or null when there is none by that name.</summary>
    public Task<BinaryData?> FindAsync(string name, CancellationToken cancellationToken = default) => folder.FindAsync(name, cancellationToken);
}
