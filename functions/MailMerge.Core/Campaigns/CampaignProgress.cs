namespace MailMerge.Campaigns;

/// <summary>The orchestration's custom status: small, counts only.</summary>
public sealed record CampaignProgress(
    CampaignState State,
    int PacketsDone,
    int PacketsTotal,
    int Sent,
    int Failed,
    int Uncertain,
    int WithMissingFields,
    int Deferred = 0,
    int Connections = 0,
    int Retries = 0,
    int RetryPass = 0);
