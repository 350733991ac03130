using System.Collections.Concurrent;
using MailMerge.Campaigns;

namespace MailMerge.Templates;

/// <summary>
/// Parsed templates per campaign, loaded from Blob storage on first use and kept for the life of the host once the
/// campaign has left Draft (from then on its content never changes). A draft's content may be changed by PATCH on
/// any instance, so a draft is loaded and parsed on every call and never kept.
/// </summary>
public sealed class CampaignTemplateCache(CampaignStore campaigns)
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<string, Lazy<Task<MessageTemplate>>> entries = new(StringComparer.Ordinal);

    /// <summary>How many times templates were loaded and parsed (each started campaign once per host).</summary>
    public int Loads => loads;

    private int loads;

    /// <summary>The campaign's parsed templates, as its content stands now.</summary>
    public async Task<MessageTemplate> GetAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        string campaignId = campaign.RowKey;
        if (campaign.State == nameof(CampaignState.Draft))
        {
            entries.TryRemove(campaignId, out _);
            return await LoadAsync(campaignId, cancellationToken);
        }

        if (entries.Count > Capacity)
        {
            entries.Clear();
        }

        Lazy<Task<MessageTemplate>> entry = entries.GetOrAdd(campaignId, id => new Lazy<Task<MessageTemplate>>(() => LoadAsync(id, cancellationToken)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            entries.TryRemove(campaignId, out _);
            throw;
        }
    }

    private async Task<MessageTemplate> LoadAsync(string campaignId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref loads);
        CampaignContent content = await campaigns.LoadContentAsync(campaignId, cancellationToken);
        MessageTemplate template = MessageTemplate.TryCreate(content.Subject, content.Body, out IReadOnlyDictionary<string, TemplateError> errors)
            ?? throw new InvalidOperationException($"Campaign {campaignId} has templates that do not parse: {string.Join("; ", errors.Values)}");
        if (content.UnsubscribeUrl is not null && !template.TrySetUnsubscribeUrl(content.UnsubscribeUrl, out TemplateError? error))
        {
            throw new InvalidOperationException($"Campaign {campaignId} has an unsubscribe URL that does not parse: {error}");
        }

        template.ReplyTo = content.ReplyTo;
        return template;
    }
}
