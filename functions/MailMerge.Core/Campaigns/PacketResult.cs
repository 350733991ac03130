namespace MailMerge.Campaigns;

/// <summary>Output of the send-packet activity: counts of the packet's rows by final outcome.</summary>
/// <param name="FirstSendAt">When this run handed its first message to the server (the packet's start, for spacing); null if it sent none.</param>
public sealed record PacketResult(
    int Sent,
    int Failed,
    int Uncertain,
    int WithMissingFields,
    int Connections,
    bool StoppedAtErrorBudget,
    DateTimeOffset? FirstSendAt = null);
