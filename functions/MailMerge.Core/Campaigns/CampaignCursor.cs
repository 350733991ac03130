namespace MailMerge.Campaigns;

/// <summary>The orchestration's input: the campaign id and how far it got. Never recipients.</summary>
/// <param name="CampaignId">The campaign (and orchestration instance) id.</param>
/// <param name="NextPacket">The first packet not yet sent.</param>
/// <param name="Totals">Counts so far.</param>
/// <param name="Started">True once the start time passed and the campaign was marked Sending.</param>
public sealed record CampaignCursor(string CampaignId, int NextPacket = 0, CampaignTotals? Totals = null, bool Started = false);
