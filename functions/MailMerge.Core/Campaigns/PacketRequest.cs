namespace MailMerge.Campaigns;

/// <summary>Input of the send-packet activity.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Packet">0-based packet number.</param>
/// <param name="PacketSize">Rows per packet.</param>
/// <param name="ErrorBudget">Failures this packet may still have before it stops; 0 = unlimited.</param>
public sealed record PacketRequest(string CampaignId, int Packet, int PacketSize, int ErrorBudget);
