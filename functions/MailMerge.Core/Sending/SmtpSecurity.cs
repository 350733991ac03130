namespace MailMerge.Sending;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection (local test servers only).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS (port 587); refuses to go on without it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
