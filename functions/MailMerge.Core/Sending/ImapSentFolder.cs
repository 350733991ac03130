using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace MailMerge.Sending;

/// <summary>
/// One IMAP connection to a sender account's mailbox, opened on the first append and kept for the rest of the
/// packet: appends sent copies to the Sent folder (the configured one, else the folder with the \Sent special use,
/// else "Sent"), marked as seen.
/// </summary>
public sealed class ImapSentFolder(ImapAccount account) : IAsyncDisposable
{
    private ImapClient? client;
    private IMailFolder? folder;

    /// <summary>Appends one message, connecting first when needed; a failed connection is dropped so the next append reconnects.</summary>
    public async Task AppendAsync(ReadOnlyMemory<byte> eml, CancellationToken cancellationToken)
    {
        try
        {
            IMailFolder sent = folder ?? await OpenAsync(cancellationToken);
            MimeMessage message = MimeMessage.Load(new MemoryStream(eml.ToArray(), writable: false), cancellationToken);
            await sent.AppendAsync(new AppendRequest(message, MessageFlags.Seen), cancellationToken);
        }
        catch (Exception ex) when (ex is ImapProtocolException or IOException or SocketException or ServiceNotConnectedException)
        {
            await DropAsync();
            throw;
        }
    }

    private async Task<IMailFolder> OpenAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connecting = new ImapClient { Timeout = 60_000 };
        try
        {
            await socket.ConnectAsync(account.Host, account.Port, cancellationToken);
            SecureSocketOptions security = account.Tls switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.SslOnConnect,
            };
            await connecting.ConnectAsync(socket, account.Host, account.Port, security, cancellationToken);
            await connecting.AuthenticateAsync(account.User, account.Password, cancellationToken);
            IMailFolder sent = await FindSentAsync(connecting, cancellationToken);
            client = connecting;
            folder = sent;
            return sent;
        }
        catch
        {
            connecting.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private async Task<IMailFolder> FindSentAsync(ImapClient imap, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(account.SentFolder))
        {
            return await imap.GetFolderAsync(account.SentFolder, cancellationToken);
        }

        if ((imap.Capabilities & (ImapCapabilities.SpecialUse | ImapCapabilities.XList)) != 0 && imap.GetFolder(SpecialFolder.Sent) is { } special)
        {
            return special;
        }

        return await imap.GetFolderAsync("Sent", cancellationToken);
    }

    private async Task DropAsync()
    {
        ImapClient? open = client;
        client = null;
        folder = null;
        if (open is null)
        {
            return;
        }

        try
        {
            if (open.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await open.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is ImapProtocolException or ImapCommandException or IOException or SocketException or OperationCanceledException)
        {
            // The appends are recorded; a failed LOGOUT changes none of them.
        }
        finally
        {
            open.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await DropAsync();
}
