namespace MailMerge.Campaigns;

/// <summary>Input of the send-packet activity.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Packet">0-based packet number.</param>
/// <param name="PacketSize">Rows per packet.</param>
/// <param name="ErrorBudget">Failures this packet may still have before it stops; 0 = unlimited.</param>
/// <param name="Pass">0 = the first pass (sends Pending rows); a retry pass number sends the rows deferred before it.</param>
public sealed record PacketRequest(string CampaignId, int Packet, int PacketSize, int ErrorBudget, int Pass = 0);
