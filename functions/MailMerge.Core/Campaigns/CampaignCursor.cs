namespace MailMerge.Campaigns;

/// <summary>The orchestration's input: the campaign id and how far it got. Never recipients.</summary>
/// <param name="CampaignId">The campaign id (also the orchestration instance id of its first round).</param>
/// <param name="NextPacket">The first packet not yet sent.</param>
/// <param name="Totals">Counts so far.</param>
/// <param name="Started">True once the start time passed and the campaign was marked Sending.</param>
/// <param name="Pass">0 while the first pass runs; then the retry pass to run next (round × 100 + n).</param>
public sealed record CampaignCursor(string CampaignId, int NextPacket = 0, CampaignTotals? Totals = null, bool Started = false, int Pass = 0);
