namespace MailMerge.Campaigns;

/// <summary>Counts carried through the orchestration (numbers only, never addresses).</summary>
public sealed record CampaignTotals(
    int Sent = 0, int Failed = 0, int Uncertain = 0, int WithMissingFields = 0, int Connections = 0, int Deferred = 0, int Retries = 0)
{
    /// <summary>These totals plus one packet's result.</summary>
    public CampaignTotals Add(PacketResult packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return new(Sent + packet.Sent, Failed + packet.Failed, Uncertain + packet.Uncertain,
            WithMissingFields + packet.WithMissingFields, Connections + packet.Connections,
            Math.Max(0, Deferred + packet.Deferred - packet.TakenUp), Retries + packet.Retries);
    }
}
