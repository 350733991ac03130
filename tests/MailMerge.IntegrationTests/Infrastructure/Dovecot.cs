using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MailMerge.IntegrationTests.Infrastructure;

/// <summary>
/// A real IMAP server for the tests: Debian's dovecot-imapd, started in the foreground with its own configuration,
/// mail, sockets, state and log in a temporary folder, listening on a free port of 127.0.0.1, with one passwd-file
/// user (as root it runs that user's mail processes as <c>nobody</c>; otherwise everything runs as the current user).
/// Any dovecot the system itself runs (port 143) is left alone. Stopped and removed on dispose.
/// </summary>
internal sealed class Dovecot : IAsyncDisposable
{
    public const string User = "biuro";

    public const string Password = "imap-haslo-testowe-1";

    private const string Binary = "/usr/sbin/dovecot";

    private readonly Process process;
    private readonly string folder;

    private Dovecot(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The dovecot log, to explain a failure.</summary>
    public string Log => File.Exists(Path.Combine(folder, "dovecot.log")) ? File.ReadAllText(Path.Combine(folder, "dovecot.log")) : "(no log)";

    public static async Task<Dovecot> StartAsync()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"dovecot is not installed ({Binary} is missing): install the Debian package dovecot-imapd " +
                "(`apt-get install dovecot-imapd`; `npm test` and .ci/run do it as root). The IMAP archive tests need a real IMAP server.");
        }

        string folder = Path.Combine(Path.GetTempPath(), "mailmerge-dovecot-" + Guid.NewGuid().ToString("N")[..12]);
        string home = Path.Combine(folder, "home");
        Directory.CreateDirectory(Path.Combine(folder, "run"));
        Directory.CreateDirectory(Path.Combine(folder, "state"));
        Directory.CreateDirectory(home);
        // The mail user (nobody as root) must reach its home through the folder and write in it.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);
        (int uid, int gid) = MailUser();
        await File.WriteAllTextAsync(Path.Combine(folder, "users"), $"{User}:{{PLAIN}}{Password}:{uid}:{gid}::{home}::\n");

        // Not root: dovecot cannot switch to its own users (dovecot, dovenull), so its processes run as this one.
        string ownUsers = IsRoot() ? string.Empty : $"""
            default_internal_user = {Environment.UserName}
            default_login_user = {Environment.UserName}
            default_internal_group = {GroupName(gid)}
            """;

        int port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            {{ownUsers}}
            log_path = {{folder}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:~/Maildir
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/users
            }
            userdb {
              driver = passwd-file
              args = username_format=%u {{folder}}/users
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            namespace inbox {
              inbox = yes
              mailbox Sent {
                special_use = \Sent
                auto = create
              }
            }
            """);

        var info = new ProcessStartInfo(Binary) { ArgumentList = { "-F", "-c", Path.Combine(folder, "dovecot.conf") }, RedirectStandardError = true, RedirectStandardOutput = true };
        Process process = Process.Start(info) ?? throw new InvalidOperationException("dovecot did not start.");
        var dovecot = new Dovecot(process, folder, port);
        var deadline = Stopwatch.StartNew();
        while (!await ListeningAsync(port))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                string error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "(still running)";
                string log = dovecot.Log;
                await dovecot.DisposeAsync();
                throw new InvalidOperationException($"dovecot did not listen on 127.0.0.1:{port}: {error} {log}");
            }

            await Task.Delay(100);
        }

        return dovecot;
    }

    /// <summary>Settings that give the sender account <paramref name="sender"/> this mailbox.</summary>
    public Dictionary<string, string?> SenderSettings(string sender) => new()
    {
        [$"MailMerge:Senders:{sender}:Imap:Host"] = "127.0.0.1",
        [$"MailMerge:Senders:{sender}:Imap:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"MailMerge:Senders:{sender}:Imap:Tls"] = "None",
        [$"MailMerge:Senders:{sender}:Imap:User"] = User,
        [$"MailMerge:Senders:{sender}:Imap:Password"] = Password,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>As root, mail processes run as nobody (dovecot refuses root); otherwise as the current user.</summary>
    private static (int Uid, int Gid) MailUser()
    {
        (int uid, int gid) = Ids();
        return uid == 0 ? (65534, 65534) : (uid, gid);
    }

    private static bool IsRoot() => Ids().Uid == 0;

    /// <summary>The real user and group ids of this process, from /proc.</summary>
    private static (int Uid, int Gid) Ids()
    {
        string[] lines = File.ReadAllLines("/proc/self/status");
        int Field(string name) => int.Parse(
            lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1],
            System.Globalization.CultureInfo.InvariantCulture);
        return (Field("Uid:"), Field("Gid:"));
    }

    /// <summary>The name of group <paramref name="gid"/> (dovecot's settings take names), from /etc/group.</summary>
    private static string GroupName(int gid) =>
        File.ReadLines("/etc/group").Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 2 && f[2] == gid.ToString(System.Globalization.CultureInfo.InvariantCulture))?[0]
        ?? throw new InvalidOperationException($"Group {gid} is not in /etc/group; dovecot needs its name.");

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<bool> ListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
