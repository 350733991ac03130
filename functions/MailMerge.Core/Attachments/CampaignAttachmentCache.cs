using System.Collections.Concurrent;

namespace MailMerge.Attachments;

/// <summary>
/// Each campaign's attachments, read from Blob storage and base64-encoded on first use and kept for the life of
/// the host: a campaign's bytes are loaded once per host, never per message or packet.
/// </summary>
public sealed class CampaignAttachmentCache(CampaignAttachmentStore store)
{
    // Sets are up to 20 MB (27 MB encoded); a few campaigns at once is what one host sends.
    private const int Capacity = 8;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<MessageAttachment>>>> entries = new(StringComparer.Ordinal);

    /// <summary>How many sets were loaded from storage (each campaign's set once per host).</summary>
    public int Loads => loads;

    private int loads;

    /// <summary>The campaign's attachments ready for messages; empty when <paramref name="manifest"/> is null.</summary>
    public async Task<IReadOnlyList<MessageAttachment>> GetAsync(string campaignId, AttachmentManifest? manifest, CancellationToken cancellationToken = default)
    {
        if (manifest is null || manifest.Files.Count == 0)
        {
            return [];
        }

        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }

        string key = $"{campaignId}/{manifest.Set}";
        Lazy<Task<IReadOnlyList<MessageAttachment>>> entry = entries.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<MessageAttachment>>>(() => LoadAsync(campaignId, manifest, cancellationToken)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            entries.TryRemove(key, out _);
            throw;
        }
    }

    private Task<IReadOnlyList<MessageAttachment>> LoadAsync(string campaignId, AttachmentManifest manifest, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref loads);
        return store.LoadAsync(campaignId, manifest, cancellationToken);
    }
}
