using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;
using MailMerge.Local;

namespace MailMerge.IntegrationTests;

/// <summary>
/// Storage going away under a running host: requests answer 503 problem+json with Retry-After (not 500), and the
/// health endpoint says so. Uses an Azurite of its own (from node_modules, in memory) that the test stops.
/// </summary>
[Collection(LocalHostTests.Name)]
public class StorageOutageTests
{
    [Fact]
    public async Task With_storage_gone_requests_answer_503_with_retry_after_and_health_says_unavailable()
    {
        using Process azurite = StartPrivateAzurite(out int port);
        string storage =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port + 1}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{port + 2}/devstoreaccount1;";
        await WaitListeningAsync(port, port + 1, port + 2);
        await using TestSmtpServer smtp = TestSmtpServer.Start();
        LocalHost host = await LocalHost.StartAsync([], MailMergeApp.Settings(storage, MailMergeApp.NewTaskHub(), smtp.Port));
        try
        {
            using HttpClient http = host.CreateClient();
            http.Timeout = TimeSpan.FromMinutes(2);
            using (HttpResponseMessage healthy = await http.GetAsync("/api/health"))
            {
                Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            }

            using (var body = new StringContent("<p>{{ n }}</p>"))
            using (HttpResponseMessage stored = await http.PutAsync("/api/templates/outage", body))
            {
                Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
            }

            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync();

            using HttpResponseMessage list = await http.GetAsync("/api/templates");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
            Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
            Assert.Equal("10", list.Headers.GetValues("Retry-After").Single());
            JsonNode problem = JsonNode.Parse(await list.Content.ReadAsStringAsync())!;
            Assert.Equal(503, problem["status"]!.GetValue<int>());
            Assert.Contains("storage", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

            using HttpResponseMessage health = await http.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("application/problem+json", health.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await host.DisposeAsync().AsTask().WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // The host's background work keeps retrying storage that is gone; the test has its answer.
            }
        }
    }

    private static Process StartPrivateAzurite(out int port)
    {
        string script = Path.Combine(RepoRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
        Assert.True(File.Exists(script), "Azurite is not installed: run `npm ci` in the repository root (npm test does it).");
        port = FreeBasePort();
        var info = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence",
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", $"{port}", "--queuePort", $"{port + 1}", "--tablePort", $"{port + 2}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start node for Azurite.");
    }

    private static int FreeBasePort()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int candidate = Random.Shared.Next(20_000, 40_000);
            if (Enumerable.Range(candidate, 3).All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No three free ports in a row for a private Azurite.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task WaitListeningAsync(params int[] ports)
    {
        var deadline = Stopwatch.StartNew();
        foreach (int port in ports)
        {
            while (true)
            {
                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(100);
                }
            }
        }
    }
}
