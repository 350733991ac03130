using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MailMerge.Storage;

namespace MailMerge.Campaigns;

/// <summary>Reads and writes campaign rows and each campaign's frozen templates.</summary>
public sealed class CampaignStore(TableServiceClient tables, BlobServiceClient blobs)
{
    private TableClient Table => tables.GetTableClient(StorageNames.CampaignsTable);

    private BlobContainerClient Content => blobs.GetBlobContainerClient(StorageNames.CampaignContentContainer);

    /// <summary>Reads a campaign, or null.</summary>
    public async Task<CampaignRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        NullableResponse<CampaignRecord> found = await Table.GetEntityIfExistsAsync<CampaignRecord>(CampaignRecord.Partition, id, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Inserts or replaces a campaign row.</summary>
    public Task UpsertAsync(CampaignRecord record, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Replaces a campaign row only if nobody changed it since it was read; false when somebody did.</summary>
    public async Task<bool> TryReplaceAsync(CampaignRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            Response response = await Table.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
            record.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes only the given columns (merge), so writers of different columns never undo each other; with an
    /// ETag, only if the row is unchanged (false when it changed).
    /// </summary>
    public async Task<bool> MergeAsync(string id, IReadOnlyDictionary<string, object> columns, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var entity = new TableEntity(CampaignRecord.Partition, id);
        foreach ((string name, object value) in columns)
        {
            entity[name] = value;
        }

        try
        {
            await Table.UpdateEntityAsync(entity, ifMatch ?? ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Stores the create request as given (a draft's changes are merged into it).</summary>
    public async Task SaveRequestAsync(string id, BinaryData request, CancellationToken cancellationToken = default)
    {
        await Content.GetBlobClient($"{id}/request.json").UploadAsync(request, overwrite: true, cancellationToken);
    }

    /// <summary>Loads the stored create request.</summary>
    public async Task<BinaryData> LoadRequestAsync(string id, CancellationToken cancellationToken = default) =>
        (await Content.GetBlobClient($"{id}/request.json").DownloadContentAsync(cancellationToken)).Value.Content;

    /// <summary>Stores the subject and body templates the campaign was created with.</summary>
    public async Task SaveContentAsync(string id, CampaignContent content, CancellationToken cancellationToken = default)
    {
        await Content.GetBlobClient($"{id}/content.json").UploadAsync(BinaryData.FromObjectAsJson(content, Json.MailMergeJson.Options), overwrite: true, cancellationToken);
    }

    /// <summary>Loads the templates of a campaign.</summary>
    public async Task<CampaignContent> LoadContentAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = await Content.GetBlobClient($"{id}/content.json").DownloadContentAsync(cancellationToken);
        return result.Value.Content.ToObjectFromJson<CampaignContent>(Json.MailMergeJson.Options)
            ?? throw new InvalidOperationException($"Campaign {id} has no content.");
    }
}
