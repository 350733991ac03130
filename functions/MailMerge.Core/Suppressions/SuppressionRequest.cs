namespace MailMerge.Suppressions;

/// <summary>The body of <c>POST /api/suppressions</c> (bulk add) and, without addresses, of <c>PUT /api/suppressions/{address}</c>.</summary>
public sealed record SuppressionRequest
{
    /// <summary>Addresses to add (bulk add only).</summary>
    public List<string?>? Addresses { get; init; }

    /// <summary>Why they are suppressed (e.g. "unsubscribed", "hard bounce"); optional, up to 200 characters.</summary>
    public string? Reason { get; init; }
}
