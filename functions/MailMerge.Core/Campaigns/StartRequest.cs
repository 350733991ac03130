namespace MailMerge.Campaigns;

/// <summary>The body of <c>POST /api/campaigns/{id}/start</c> (optional) and of <c>…/reschedule</c>: when to start.</summary>
public sealed record StartRequest
{
    /// <summary>An instant with its offset.</summary>
    public string? StartAt { get; init; }

    /// <summary>A local time in an IANA time zone.</summary>
    public LocalStartTime? StartAtLocal { get; init; }

    /// <summary>True: start at once.</summary>
    public bool? StartNow { get; init; }
}
