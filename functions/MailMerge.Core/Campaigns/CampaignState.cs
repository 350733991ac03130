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

    /// <summary>Stored for changes; nothing is scheduled until it is started.</summary>
    Draft,

    /// <summary>Paused on request: no message leaves until it is resumed.</summary>
    Paused,

    /// <summary>Cancelled on request; the recipients not yet sent are marked Cancelled.</summary>
    Cancelled,
}
