using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MailMerge.Storage;

namespace MailMerge.Recipients;

/// <summary>Uploaded recipient CSV files in Blob storage, by name.</summary>
public sealed class RecipientListStore(BlobServiceClient blobs)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageNames.RecipientListsContainer);

    /// <summary>Stores or replaces a list exactly as uploaded.</summary>
    public async Task SaveAsync(string name, BinaryData csv, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" } };
        await Container.GetBlobClient(name).UploadAsync(csv, options, cancellationToken);
    }

    /// <summary>Reads a list, or null when there is none by that name.</summary>
    public async Task<BinaryData?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
