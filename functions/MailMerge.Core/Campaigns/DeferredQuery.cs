namespace MailMerge.Campaigns;

/// <summary>Input of <see cref="FindDeferredActivity"/>: which campaign, which retry pass, and the packet size to group rows by.</summary>
public sealed record DeferredQuery(string CampaignId, int Pass, int PacketSize);
