namespace MailMerge.Campaigns;

/// <summary>Input of the activity that records a campaign's state change.</summary>
public sealed record CampaignTransition(
    string CampaignId,
    CampaignState State,
    DateTimeOffset At,
    CampaignTotals Totals,
    int PacketsDone,
    string? Reason = null);
