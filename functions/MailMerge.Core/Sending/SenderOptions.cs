namespace MailMerge.Sending;

/// <summary>All sender accounts by name (<c>MailMerge:Senders</c>), plus how a packet talks to the server.</summary>
public sealed class SenderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MailMerge:Senders";

    /// <summary>Accounts by name, e.g. <c>MailMerge:Senders:office:Host</c>.</summary>
    public Dictionary<string, SenderAccount> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);
}
