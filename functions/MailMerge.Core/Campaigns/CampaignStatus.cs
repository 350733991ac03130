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
    DateTimeOffset StartAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string RecipientsUrl);

/// <summary>Recipients by outcome. Skipped = duplicates + invalid + excluded + suppressed; pending = not yet sent.</summary>
public sealed record CampaignCounts(
    int Total, int Sent, int Failed, int Uncertain, int Skipped, int Duplicates, int Invalid, int Pending, int WithMissingFields, int Excluded = 0, int Suppressed = 0);

/// <summary>Packets done out of the total.</summary>
public sealed record PacketCounts(int Done, int Total, int Size, double IntervalSeconds);
