using Azure.Storage.Blobs;
using MailMerge.Storage;

namespace MailMerge.Templates;

/// <summary>HTML templates in Blob storage, by name.</summary>
public sealed class TemplateStore(BlobServiceClient blobs)
{
    private readonly BlobFolder folder = new(blobs.GetBlobContainerClient(StorageNames.TemplatesContainer), "text/html; charset=utf-8");

    /// <summary>Stores or replaces a template.</summary>
    public Task SaveAsync(string name, string html, CancellationToken cancellationToken = default) =>
        folder.SaveAsync(name, BinaryData.FromString(html), cancellationToken);

    /// <summary>Reads a template, or null when there is none by that name.</summary>
    public async Task<string?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await folder.FindAsync(name, cancellationToken))?.ToString();
}
