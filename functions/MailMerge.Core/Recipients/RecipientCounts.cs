namespace MailMerge.Recipients;

/// <summary>A campaign's rows counted by outcome.</summary>
public sealed record RecipientCounts(int Sent, int Failed, int Uncertain, int WithMissingFields);
