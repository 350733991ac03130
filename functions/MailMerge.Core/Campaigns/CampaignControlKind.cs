namespace MailMerge.Campaigns;

/// <summary>The values of <see cref="CampaignRecord.Control"/>: what the caller asked a running campaign to do.</summary>
public static class CampaignControlKind
{
    /// <summary>Send nothing more until resumed.</summary>
    public const string Pause = "Pause";

    /// <summary>Send nothing more; mark the unsent recipients Cancelled.</summary>
    public const string Cancel = "Cancel";

    /// <summary>True when <paramref name="control"/> tells the packets to stop sending.</summary>
    public static bool Stops(string? control) => control is Pause or Cancel;
}
