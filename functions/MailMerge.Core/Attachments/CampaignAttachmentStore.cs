using System.Text.Json;
using Azure.Storage.Blobs;
using MailMerge.Json;
using MailMerge.Storage;

namespace MailMerge.Attachments;

/// <summary>
/// A campaign's own copies of its attachments (<c>campaign-content/{id}/attachments/{set}/{index}</c>): taken when
/// the campaign is created or its draft changed, so a later re-upload or delete of the same name changes nothing
/// the campaign sends.
/// </summary>
public sealed class CampaignAttachmentStore(BlobServiceClient blobs, AttachmentStore uploads)
{
    private readonly BlobFolder folder = new(blobs.GetBlobContainerClient(StorageNames.CampaignContentContainer), "application/octet-stream");

    /// <summary>
    /// Reads the named uploads for a campaign, adding a problem per field to <paramref name="errors"/>: an unknown
    /// name (<c>attachments[i]</c>), a file or a sum over the limits. Sizes are checked before any content is read.
    /// </summary>
    public async Task<IReadOnlyList<AttachmentFile>?> ResolveAsync(IReadOnlyList<string> names, Dictionary<string, List<string>> errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(errors);
        var found = new List<AttachmentInfo>();
        for (int i = 0; i < names.Count; i++)
        {
            AttachmentInfo? info = await uploads.DescribeAsync(names[i], cancellationToken);
            if (info is null)
            {
                errors[$"attachments[{i}]"] = [$"No uploaded attachment named '{names[i]}' (PUT /api/attachments/{names[i]} first)."];
            }
            else
            {
                found.Add(info);
            }
        }

        if (found.Count < names.Count || !Fits(found.Select(f => f.Bytes).ToList(), errors))
        {
            return null;
        }

        // Read after the sizes were checked: a file replaced in between is checked again as read.
        var files = new List<AttachmentFile>();
        for (int i = 0; i < names.Count; i++)
        {
            AttachmentFile? file = await uploads.FindAsync(names[i], cancellationToken);
            if (file is null)
            {
                errors[$"attachments[{i}]"] = [$"The attachment '{names[i]}' was deleted while the request ran."];
                return null;
            }

            files.Add(file);
        }

        return Fits(files.Select(f => f.Info.Bytes).ToList(), errors) ? files : null;
    }

    /// <summary>Stores the campaign's copies as a new set; null when it has no attachments.</summary>
    public async Task<AttachmentManifest?> FreezeAsync(string campaignId, IReadOnlyList<AttachmentFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return null;
        }

        string set = "a" + Guid.NewGuid().ToString("N")[..16];
        for (int i = 0; i < files.Count; i++)
        {
            AttachmentInfo info = files[i].Info;
            await folder.SaveAsync(BlobName(campaignId, set, i), files[i].Content, info.ContentType, AttachmentStore.Metadata(info.FileName, info.Sha256), cancellationToken);
        }

        return new AttachmentManifest(set, files.Select(f => f.Info with { UpdatedAt = null }).ToList());
    }

    /// <summary>Reads a frozen set and encodes it for sending.</summary>
    public async Task<IReadOnlyList<MessageAttachment>> LoadAsync(string campaignId, AttachmentManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var loaded = new List<MessageAttachment>(manifest.Files.Count);
        for (int i = 0; i < manifest.Files.Count; i++)
        {
            AttachmentInfo info = manifest.Files[i];
            BinaryData content = await folder.FindAsync(BlobName(campaignId, manifest.Set, i), cancellationToken)
                ?? throw new InvalidOperationException($"Campaign {campaignId} lost its copy of attachment {i} ('{info.Name}').");
            loaded.Add(new MessageAttachment(info.FileName, info.ContentType, content.ToMemory().Length, Base64Lines.Encode(content.ToMemory().Span)));
        }

        return loaded;
    }

    /// <summary>Deletes the campaign's frozen sets other than <paramref name="keep"/> (what a changed draft left behind).</summary>
    public async Task DeleteOtherSetsAsync(string campaignId, string? keep, CancellationToken cancellationToken = default)
    {
        var stale = new List<string>();
        await foreach (BlobFileInfo blob in folder.ListAsync($"{campaignId}/attachments/", cancellationToken))
        {
            if (keep is null || !blob.Name.StartsWith($"{campaignId}/attachments/{keep}/", StringComparison.Ordinal))
            {
                stale.Add(blob.Name);
            }
        }

        foreach (string name in stale)
        {
            await folder.DeleteAsync(name, cancellationToken);
        }
    }

    /// <summary>The manifest kept in a campaign row's column, or null when the campaign has no attachments.</summary>
    public static AttachmentManifest? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<AttachmentManifest>(json, MailMergeJson.Options);

    /// <summary>The manifest as a campaign row keeps it; null for none.</summary>
    public static string? Format(AttachmentManifest? manifest) =>
        manifest is null ? null : JsonSerializer.Serialize(manifest, MailMergeJson.Options);

    private static string BlobName(string campaignId, string set, int index) => $"{campaignId}/attachments/{set}/{index}";

    private static bool Fits(IReadOnlyList<long> sizes, Dictionary<string, List<string>> errors)
    {
        Dictionary<string, string> problems = AttachmentLimits.Check(sizes);
        foreach ((string field, string reason) in problems)
        {
            errors[field] = [reason];
        }

        return problems.Count == 0;
    }
}
