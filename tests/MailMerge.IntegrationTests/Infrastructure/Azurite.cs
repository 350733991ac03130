using System.Diagnostics;
using System.Net.Sockets;

namespace MailMerge.IntegrationTests.Infrastructure;

/// <summary>
/// The Azurite the tests use: the one already listening on 127.0.0.1:10000-10002 (CI starts it), or one this
/// process starts from the repository's node_modules (run <c>npm ci</c> first) and stops at exit.
/// </summary>
internal static class Azurite
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Process? started;

    /// <summary>The connection string the tests use: <c>MAILMERGE_TEST_STORAGE</c> when set (an Azurite elsewhere), else Azurite's defaults.</summary>
    public static string ConnectionString { get; } = Environment.GetEnvironmentVariable("MAILMERGE_TEST_STORAGE") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    private const string DefaultConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static async Task<string> EnsureRunningAsync()
    {
        if (ConnectionString != DefaultConnectionString)
        {
            return ConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            if (await ListeningAsync(10000) && await ListeningAsync(10001) && await ListeningAsync(10002))
            {
                return ConnectionString;
            }

            string script = Path.Combine(RepoRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
            if (!File.Exists(script))
            {
                throw new InvalidOperationException(
                    "Azurite is not running on 127.0.0.1:10000-10002 and is not installed: run `npm ci` in the repository root (or `npm test`, which does it).");
            }

            string location = Path.Combine(Path.GetTempPath(), "mailmerge-azurite-" + Environment.ProcessId);
            Directory.CreateDirectory(location);
            var info = new ProcessStartInfo("node")
            {
                ArgumentList = { script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", location, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            started = Process.Start(info) ?? throw new InvalidOperationException("Could not start node for Azurite.");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { started.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
            var deadline = Stopwatch.StartNew();
            while (!(await ListeningAsync(10000) && await ListeningAsync(10001) && await ListeningAsync(10002)))
            {
                if (started.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException("Azurite did not start: " + await started.StandardError.ReadToEndAsync());
                }

                await Task.Delay(100);
            }

            return ConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<bool> ListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
