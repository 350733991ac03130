namespace MailMerge.Campaigns;

/// <summary>The answer of <c>GET /api/campaigns/{id}/report</c>: counts by recipient status and how the sending went.</summary>
public sealed record CampaignReport(
    string Id,
    string Name,
    CampaignState State,
    string? Reason,
    IReadOnlyDictionary<string, int> ByStatus,
    int WithMissingFields,
    DeliveryTotals Delivery,
    string RecipientsUrl,
    string CsvUrl);
