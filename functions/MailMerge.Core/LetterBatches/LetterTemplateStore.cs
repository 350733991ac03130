using Azure.Storage.Blobs;
using MailMerge.Storage;

namespace MailMerge.LetterBatches;

/// <summary>Uploaded Word letter templates in Blob storage, by name, kept exactly as uploaded.</summary>
public sealed class LetterTemplateStore(BlobServiceClient blobs)
{
    /// <summary>The .docx media type.</summary>
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly BlobFolder folder = new(blobs.GetBlobContainerClient(StorageNames.LetterTemplatesContainer), DocxContentType);

    /// <summary>Stores or replaces a template.</summary>
    public Task SaveAsync(string name, BinaryData docx, CancellationToken cancellationToken = default) => folder.SaveAsync(name + ".docx", docx, cancellationToken);

    /// <summary>Reads a template, or null when there is none by that name.</summary>
    public Task<BinaryData?> FindAsync(string name, CancellationToken cancellationToken = default) => folder.FindAsync(name + ".docx", cancellationToken);
}
