using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace MailMerge.Sending;

/// <summary>Opens SMTP connections. Sockets get NoDelay: MailKit's own socket waits ~40 ms per message on Nagle.</summary>
public static class SmtpConnector
{
    /// <summary>Connects (and authenticates, when the account has a user) a new client.</summary>
    public static async Task<SentCopySmtpClient> ConnectAsync(SenderAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var client = new SentCopySmtpClient { Timeout = 60_000 };
        try
        {
            await socket.ConnectAsync(account.Host, account.Port, cancellationToken);
            SecureSocketOptions security = account.Tls switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(socket, account.Host, account.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(account.User))
            {
                await client.AuthenticateAsync(account.User, account.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }
}
