namespace MailMerge.Campaigns;

/// <summary>Bounds a campaign request must keep.</summary>
public static class CampaignLimits
{
    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest subject template.</summary>
    public const int MaxSubjectTemplateLength = 2000;

    /// <summary>Largest packet.</summary>
    public const int MaxPacketSize = 10_000;

    /// <summary>Longest interval between packet starts (one day).</summary>
    public const double MaxIntervalSeconds = 86_400;

    /// <summary>Most recipients one campaign may have.</summary>
    public const int MaxRecipients = 500_000;

    /// <summary>Largest body template in characters.</summary>
    public const int MaxBodyLength = 1_000_000;

    /// <summary>Most entries a campaign's exclusions list may have.</summary>
    public const int MaxExclusions = 10_000;

    /// <summary>Default packet size.</summary>
    public const int DefaultPacketSize = 50;

    /// <summary>Default attempts per recipient when the server answers with a transient (4xx) reply.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>Most attempts per recipient.</summary>
    public const int MaxAttempts = 10;

    /// <summary>Default wait before the first retry pass; each later pass waits twice as long as the one before.</summary>
    public const double DefaultRetryDelaySeconds = 300;

    /// <summary>Longest first retry delay (one hour).</summary>
    public const double MaxRetryDelaySeconds = 3600;
}
