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
}
