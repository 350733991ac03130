namespace MailMerge.Campaigns;

/// <summary>Where a campaign stands.</summary>
public enum CampaignState
{
    /// <summary>Accepted; waiting for its start.</summary>
    Scheduled,

    /// <summary>Packets are going out.</summary>
    Sending,

    /// <summary>Every packet was sent.</summary>
    Completed,

    /// <summary>Stopped because the error limit was reached; the rest stay unsent.</summary>
    Halted,

    /// <summary>Stopped by an unexpected fault (e.g. the SMTP server unreachable after retries).</summary>
    Failed,
}
