using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MailMerge.Storage;

namespace MailMerge.Templates;

/// <summary>HTML templates in Blob storage, by name.</summary>
public sealed class TemplateStore(BlobServiceClient blobs)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageNames.TemplatesContainer);

    /// <summary>Stores or replaces a template.</summary>
    public async Task SaveAsync(string name, string html, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } };
        await Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(html), options, cancellationToken);
    }

    /// <summary>Reads a template, or null when there is none by that name.</summary>
    public async Task<string?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
