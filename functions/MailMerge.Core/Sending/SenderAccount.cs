using System.ComponentModel.DataAnnotations;

namespace MailMerge.Sending;

/// <summary>
/// A sending account from configuration (<c>MailMerge:Senders:{name}</c>). The password lives only in
/// configuration (Key Vault in Azure); it is never written to a table, a blob, history or a log.
/// </summary>
public sealed class SenderAccount
{
    /// <summary>SMTP server host name.</summary>
    [Required]
    public string Host { get; set; } = string.Empty;

    /// <summary>SMTP server port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Connection security.</summary>
    public SmtpSecurity Tls { get; set; } = SmtpSecurity.StartTls;

    /// <summary>User name for SMTP AUTH; empty means no authentication.</summary>
    public string? User { get; set; }

    /// <summary>Password for SMTP AUTH.</summary>
    public string? Password { get; set; }

    /// <summary>The From address.</summary>
    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>The From display name.</summary>
    public string? FromName { get; set; }

    /// <summary>The account's IMAP mailbox, if any: archived campaigns append their sent copies to its Sent folder.</summary>
    public ImapAccount? Imap { get; set; }

    /// <summary>A description safe to log: no password.</summary>
    public override string ToString() => $"{Host}:{Port} ({Tls}) as {(string.IsNullOrEmpty(User) ? "anonymous" : User)}";
}
