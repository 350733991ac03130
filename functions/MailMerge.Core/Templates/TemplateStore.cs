using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MailMerge.Storage;

namespace MailMerge.Templates;

/// <summary>
/// The template library: HTML templates in Blob storage, by name, each with the blob's ETag as its version so a
/// replace or delete can be made conditional. Campaigns copy the HTML when they are created, so nothing here
/// changes a campaign that exists.
/// </summary>
public sealed class TemplateStore(BlobServiceClient blobs)
{
    private const string ContentType = "text/html; charset=utf-8";

    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageNames.TemplatesContainer);

    /// <summary>Stores or replaces a template, whatever is stored.</summary>
    public Task SaveAsync(string name, string html, CancellationToken cancellationToken = default) =>
        WriteAsync(name, html, TemplateCondition.None, cancellationToken);

    /// <summary>
    /// Stores a template under <paramref name="condition"/>: <see cref="TemplateWriteOutcome.Created"/> or
    /// <see cref="TemplateWriteOutcome.Replaced"/> with the new version, or why nothing was written.
    /// </summary>
    public async Task<(TemplateWriteOutcome Outcome, TemplateInfo? Info)> WriteAsync(string name, string html, TemplateCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(condition);
        BlobClient blob = Container.GetBlobClient(name);
        var content = BinaryData.FromString(html);
        if (condition.IfMatch is not null)
        {
            ETag expected = condition.IfMatch == "*" ? ETag.All : new ETag(condition.IfMatch);
            return await TryUploadAsync(blob, content, new BlobRequestConditions { IfMatch = expected }, TemplateWriteOutcome.Replaced, cancellationToken)
                ?? (await ExistsAsync(blob, cancellationToken) ? (TemplateWriteOutcome.PreconditionFailed, null) : (TemplateWriteOutcome.NotFound, null));
        }

        // Create-only first: that is what tells a new template from a replaced one without a read before the write.
        var created = await TryUploadAsync(blob, content, new BlobRequestConditions { IfNoneMatch = ETag.All }, TemplateWriteOutcome.Created, cancellationToken);
        if (created is not null || condition.IfNoneExists)
        {
            return created ?? (TemplateWriteOutcome.PreconditionFailed, null);
        }

        BlobContentInfo replaced = (await blob.UploadAsync(content, Options(null), cancellationToken)).Value;
        return (TemplateWriteOutcome.Replaced, Info(name, content.ToMemory().Length, replaced.LastModified, replaced.ETag));
    }

    /// <summary>Reads a template, or null when there is none by that name.</summary>
    public async Task<string?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await ReadAsync(name, cancellationToken))?.Html;

    /// <summary>Reads a template with its version, or null when there is none by that name.</summary>
    public async Task<StoredTemplate?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobDownloadResult result = (await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
            string html = new UTF8Encoding(false).GetString(result.Content.ToMemory().Span);
            return new StoredTemplate(Info(name, result.Details.ContentLength, result.Details.LastModified, result.Details.ETag), html);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>One page of the library in name order, and the continuation token of the next page (null at the end).</summary>
    public async Task<(IReadOnlyList<TemplateInfo> Items, string? Continuation)> ListPageAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        await foreach (Page<BlobItem> page in Container.GetBlobsAsync(cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            var items = page.Values
                .Select(b => Info(b.Name, b.Properties.ContentLength ?? 0, b.Properties.LastModified ?? DateTimeOffset.MinValue, b.Properties.ETag ?? default))
                .ToList();
            return (items, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Deletes a template, only if it has the ETag <paramref name="ifMatch"/> when one is given.</summary>
    public async Task<TemplateWriteOutcome> DeleteAsync(string name, string? ifMatch, CancellationToken cancellationToken = default)
    {
        BlobClient blob = Container.GetBlobClient(name);
        var conditions = ifMatch is null ? null : new BlobRequestConditions { IfMatch = ifMatch == "*" ? ETag.All : new ETag(ifMatch) };
        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken);
            return TemplateWriteOutcome.Deleted;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return TemplateWriteOutcome.NotFound;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return await ExistsAsync(blob, cancellationToken) ? TemplateWriteOutcome.PreconditionFailed : TemplateWriteOutcome.NotFound;
        }
    }

    /// <summary>The quoted form of an ETag, as HTTP headers carry it.</summary>
    public static string Quoted(ETag etag) => etag.ToString("H");

    private static async Task<(TemplateWriteOutcome, TemplateInfo?)?> TryUploadAsync(
        BlobClient blob, BinaryData content, BlobRequestConditions conditions, TemplateWriteOutcome success, CancellationToken cancellationToken)
    {
        try
        {
            BlobContentInfo stored = (await blob.UploadAsync(content, Options(conditions), cancellationToken)).Value;
            return (success, Info(blob.Name, content.ToMemory().Length, stored.LastModified, stored.ETag));
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    private static async Task<bool> ExistsAsync(BlobClient blob, CancellationToken cancellationToken) =>
        (await blob.ExistsAsync(cancellationToken)).Value;

    private static BlobUploadOptions Options(BlobRequestConditions? conditions) =>
        new() { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType }, Conditions = conditions };

    private static TemplateInfo Info(string name, long bytes, DateTimeOffset lastModified, ETag etag) => new(name, bytes, lastModified, Quoted(etag));
}
