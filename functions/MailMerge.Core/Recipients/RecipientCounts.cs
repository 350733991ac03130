namespace MailMerge.Recipients;

/// <summary>A campaign's rows counted by outcome.</summary>
public sealed record RecipientCounts(
    int Sent, int Failed, int Uncertain, int WithMissingFields, int Deferred = 0, int Pending = 0, int Duplicates = 0, int Invalid = 0,
    int Excluded = 0, int Suppressed = 0, int Cancelled = 0);
