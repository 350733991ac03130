namespace MailMerge.Campaigns;

/// <summary>Output of the send-packet activity: counts of the packet's rows by final outcome.</summary>
public sealed record PacketResult(
    int Sent,
    int Failed,
    int Uncertain,
    int WithMissingFields,
    int Connections,
    bool StoppedAtErrorBudget);
