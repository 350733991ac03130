using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServerResponse = SmtpServer.Protocol.SmtpResponse;

namespace MailMerge.IntegrationTests.Infrastructure;

/// <summary>A real SMTP server on 127.0.0.1 (SmtpServer package) that keeps what it receives and refuses chosen recipients.</summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private TestSmtpServer(int port, Func<string, (int Code, string Text)?> refuse, int maxMessageSize)
    {
        Port = port;
        Refuse = refuse;
        var builder = new SmtpServerOptionsBuilder()
            .ServerName("test-smtp.local")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)));
        if (maxMessageSize > 0)
        {
            // Announced in EHLO as SIZE (RFC 1870); MailKit reads it into SmtpClient.MaxSize.
            builder = builder.MaxMessageSize(maxMessageSize, MaxMessageSizeHandling.Ignore);
        }

        var options = builder.Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, e) =>
        {
            Interlocked.Increment(ref sessions);
            e.Context.CommandExecuting += (_, c) => Commands.Enqueue(c.Command.Name);
        };
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    private int sessions;

    /// <summary>SMTP sessions (connections) opened so far.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    /// <summary>The command names the server received, in order across sessions (EHLO, MAIL, RCPT, DATA, RSET, QUIT...).</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>Decides, per recipient address, a refusal (code and text) or null to accept. A 421 also closes the session.</summary>
    public Func<string, (int Code, string Text)?> Refuse { get; set; }

    /// <summary>Decides, per recipient address, a refusal at the end of DATA (after the whole message), or null to accept.</summary>
    public Func<string, (int Code, string Text)?> RefuseData { get; set; } = _ => null;

    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>How long the server takes to accept each message (a slow server, to act while a campaign sends).</summary>
    public TimeSpan SaveDelay { get; set; }

    /// <summary>Starts a server; with <paramref name="maxMessageSize"/> &gt; 0 it announces that SIZE limit.</summary>
    public static TestSmtpServer Start(Func<string, (int Code, string Text)?>? refuse = null, int maxMessageSize = 0)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestSmtpServer(port, refuse ?? (_ => null), maxMessageSize);
    }

    private bool disposed;

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    /// <summary>A message as the server accepted it.</summary>
    public sealed record Received(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message, byte[] Raw, DateTimeOffset At);

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<ServerResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            byte[] raw = buffer.ToArray();
            if (server.SaveDelay > TimeSpan.Zero)
            {
                await Task.Delay(server.SaveDelay, cancellationToken);
            }

            if (transaction.To.Select(t => server.RefuseData(t.AsAddress())).FirstOrDefault(r => r is not null) is { } refusal)
            {
                return new ServerResponse((SmtpReplyCode)refusal.Code, refusal.Text);
            }

            MimeMessage message = MimeMessage.Load(new MemoryStream(raw), cancellationToken);
            server.Messages.Enqueue(new Received(
                transaction.From.AsAddress(),
                transaction.To.Select(t => t.AsAddress()).ToList(),
                message,
                raw,
                DateTimeOffset.UtcNow));
            return ServerResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (server.Refuse(to.AsAddress()) is { } refusal)
            {
                throw new SmtpResponseException(new ServerResponse((SmtpReplyCode)refusal.Code, refusal.Text), quit: refusal.Code == 421);
            }

            return Task.FromResult(true);
        }
    }
}
