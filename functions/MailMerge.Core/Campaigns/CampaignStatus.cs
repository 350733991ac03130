namespace MailMerge.Campaigns;

/// <summary>The answer of <c>GET /api/campaigns/{id}</c>.</summary>
public sealed record CampaignStatus(
    string Id,
    string Name,
    CampaignState State,
    string? Reason,
    CampaignCounts Counts,
    PacketCounts Packets,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string RecipientsUrl,
    DeliveryTotals Delivery);

/// <summary>
/// Recipients by outcome. Skipped = duplicates + invalid + excluded + suppressed; pending = not yet sent;
/// deferred = refused for now (4xx), waiting for a retry pass.
/// </summary>
public sealed record CampaignCounts(
    int Total, int Sent, int Failed, int Uncertain, int Skipped, int Duplicates, int Invalid, int Pending, int WithMissingFields, int Excluded = 0, int Suppressed = 0, int Deferred = 0, int Cancelled = 0);

/// <summary>
/// How the sending went: SMTP connections opened and send attempts beyond each recipient's first (as the packets
/// reported them), the retry settings, the retry pass running now (0 = none) and the "retry failed" rounds started.
/// </summary>
public sealed record DeliveryTotals(int Connections, int Retries, int MaxAttempts, double RetryDelaySeconds, int RetryPass, int RetryRounds);

/// <summary>Packets done out of the total.</summary>
public sealed record PacketCounts(int Done, int Total, int Size, double IntervalSeconds);
