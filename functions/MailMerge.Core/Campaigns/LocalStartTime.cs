namespace MailMerge.Campaigns;

/// <summary>A start time as a wall-clock time in a named (IANA) time zone, e.g. 2026-03-29T02:30 in Europe/Warsaw.</summary>
/// <param name="LocalTime">Date and time without offset: <c>yyyy-MM-ddTHH:mm</c> or <c>yyyy-MM-ddTHH:mm:ss</c>.</param>
/// <param name="TimeZone">An IANA time zone id, e.g. <c>Europe/Warsaw</c>.</param>
public sealed record LocalStartTime(string? LocalTime, string? TimeZone);
