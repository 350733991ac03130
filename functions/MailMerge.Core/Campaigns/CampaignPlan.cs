namespace MailMerge.Campaigns;

/// <summary>What the orchestrator needs to pace a campaign (loaded by an activity; numbers only).</summary>
public sealed record CampaignPlan(
    int PacketCount,
    int PacketSize,
    double IntervalSeconds,
    int ErrorLimit,
    DateTimeOffset StartAt,
    int Parallelism,
    double RetryDelaySeconds = CampaignLimits.DefaultRetryDelaySeconds,
    string? Control = null,
    int PacketAttempts = 8,
    double PacketRetrySeconds = 2);
