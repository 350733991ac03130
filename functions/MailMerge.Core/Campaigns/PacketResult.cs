namespace MailMerge.Campaigns;

/// <summary>Output of the send-packet activity: counts of the packet's rows by final outcome.</summary>
/// <param name="FirstSendAt">When this run handed its first message to the server (the packet's start, for spacing); null if it sent none.</param>
/// <param name="Deferred">Rows left Deferred (a transient refusal, to be retried).</param>
/// <param name="TakenUp">In a retry pass: the Deferred rows this pass took up (they now have a new outcome).</param>
/// <param name="Retries">Send attempts beyond a recipient's first.</param>
/// <param name="StoppedByControl">True when the run stopped early because the campaign was paused or cancelled; its unsent rows stay Pending.</param>
public sealed record PacketResult(
    int Sent,
    int Failed,
    int Uncertain,
    int WithMissingFields,
    int Connections,
    bool StoppedAtErrorBudget,
    DateTimeOffset? FirstSendAt = null,
    int Deferred = 0,
    int TakenUp = 0,
    int Retries = 0,
    bool StoppedByControl = false);
