using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MailMerge.Storage;

/// <summary>Named files in one blob container: stored or replaced whole, read back whole, listed, deleted, or absent.</summary>
public sealed class BlobFolder(BlobContainerClient container, string contentType)
{
    /// <summary>Stores or replaces a file.</summary>
    public Task SaveAsync(string name, BinaryData content, CancellationToken cancellationToken = default) =>
        SaveAsync(name, content, contentType, null, cancellationToken);

    /// <summary>Stores or replaces a file with its own media type and metadata (ASCII values, as Blob storage requires).</summary>
    public async Task SaveAsync(string name, BinaryData content, string fileContentType, IDictionary<string, string>? metadata, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = fileContentType }, Metadata = metadata };
        await container.GetBlobClient(name).UploadAsync(content, options, cancellationToken);
    }

    /// <summary>Reads a file, or null when there is none by that name.</summary>
    public async Task<BinaryData?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await FindFileAsync(name, cancellationToken))?.Content;

    /// <summary>Reads a file with its properties, or null when there is none by that name.</summary>
    public async Task<BlobFile?> FindFileAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobDownloadResult result = (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
            BlobDownloadDetails details = result.Details;
            return new BlobFile(
                new BlobFileInfo(name, result.Content.ToMemory().Length, details.ContentType, new Dictionary<string, string>(details.Metadata), details.ETag, details.LastModified),
                result.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A file's properties without its content, or null when there is none by that name.</summary>
    public async Task<BlobFileInfo?> DescribeAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobProperties properties = (await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new BlobFileInfo(name, properties.ContentLength, properties.ContentType, new Dictionary<string, string>(properties.Metadata), properties.ETag, properties.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every file whose name starts with <paramref name="prefix"/>, in name order, with properties and metadata.</summary>
    public async IAsyncEnumerable<BlobFileInfo> ListAsync(string? prefix = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (BlobItem item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            yield return new BlobFileInfo(
                item.Name, item.Properties.ContentLength ?? 0, item.Properties.ContentType, new Dictionary<string, string>(item.Metadata),
                item.Properties.ETag ?? default, item.Properties.LastModified ?? default);
        }
    }

    /// <summary>Deletes a file; false when there was none by that name.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        (await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
}
