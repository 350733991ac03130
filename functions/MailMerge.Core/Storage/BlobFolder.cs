using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MailMerge.Storage;

/// <summary>Named files in one blob container: stored or replaced whole, read back whole, or absent.</summary>
public sealed class BlobFolder(BlobContainerClient container, string contentType)
{
    /// <summary>Stores or replaces a file.</summary>
    public async Task SaveAsync(string name, BinaryData content, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        await container.GetBlobClient(name).UploadAsync(content, options, cancellationToken);
    }

    /// <summary>Reads a file, or null when there is none by that name.</summary>
    public async Task<BinaryData?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
