namespace MailMerge.Sending;

/// <summary>A packet could not be sent for a reason that concerns the whole packet (server unreachable, sender refused). Its message holds no personal data.</summary>
public sealed class PacketFailedException(string message) : Exception(message);
