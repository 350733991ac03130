using System.ComponentModel.DataAnnotations;

namespace MailMerge.Sending;

/// <summary>
/// The IMAP mailbox of a sender account (<c>MailMerge:Senders:{name}:Imap</c>): archived campaigns append a copy of
/// each sent message to its Sent folder. The password lives only in configuration; it is never stored or logged.
/// </summary>
public sealed class ImapAccount
{
    /// <summary>IMAP server host name.</summary>
    [Required]
    public string Host { get; set; } = string.Empty;

    /// <summary>IMAP server port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    /// <summary>Connection security (993: SslOnConnect, 143: StartTls).</summary>
    public SmtpSecurity Tls { get; set; } = SmtpSecurity.SslOnConnect;

    /// <summary>User name for the IMAP login.</summary>
    [Required]
    public string User { get; set; } = string.Empty;

    /// <summary>Password for the IMAP login.</summary>
    [Required]
    public string Password { get; set; } = string.Empty;

    /// <summary>The folder copies go to; by default the folder with the \Sent special use, else "Sent".</summary>
    [StringLength(200)]
    public string? SentFolder { get; set; }

    /// <summary>A description safe to log: no password.</summary>
    public override string ToString() => $"{Host}:{Port} ({Tls}) as {User}";
}
