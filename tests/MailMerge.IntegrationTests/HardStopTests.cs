using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests;

/// <summary>The local host killed in the middle of a campaign and started again, as a separate process.</summary>
[Collection(LocalHostTests.Name)]
public class HardStopTests
{
    private static Process StartHost(Dictionary<string, string?> settings, string log)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "MailMerge.Local.dll");
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "serve" }, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach ((string key, string? value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => File.AppendAllText(log, e.Data + "\n");
        process.ErrorDataReceived += (_, e) => File.AppendAllText(log, e.Data + "\n");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, "the local host exited while starting");
            try
            {
                using HttpResponseMessage response = await http.GetAsync("/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the local host did not answer /api/health within 60 s");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Host_killed_mid_campaign_and_restarted_sends_nobody_two_messages_and_loses_nobody()
    {
        string storage = await Azurite.EnsureRunningAsync();
        await using TestSmtpServer smtp = TestSmtpServer.Start();
        int port = FreePort();
        Dictionary<string, string?> settings = MailMergeApp.Settings(storage, MailMergeApp.NewTaskHub(), smtp.Port);
        settings["MailMerge:Local:Urls"] = $"http://127.0.0.1:{port}";
        settings["MailMerge:Local:RecoverySeconds"] = "8";
        settings["MailMerge:Sending:ClaimWindow"] = "5";
        string log = Path.Combine(Path.GetTempPath(), $"mailmerge-hardstop-{port}.log");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-functions-key", MailMergeApp.ApiKey);

        const int total = 60;
        Process first = StartHost(settings, log);
        string id;
        try
        {
            await WaitHealthyAsync(http, first);
            using HttpResponseMessage created = await http.PostAsync("/api/campaigns", System.Net.Http.Json.JsonContent.Create(new
            {
                name = "hard stop", subject = "Hi {{ n }}", body = "<p>{{ n }}</p>", sender = "test", packetSize = 30, intervalSeconds = 0.2,
                recipients = Enumerable.Range(1, total).Select(i => new { email = $"r{i:000}@example.test", fields = new Dictionary<string, string> { ["n"] = $"{i}" } }),
            }));
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

            var deadline = Stopwatch.StartNew();
            while (smtp.Messages.Count < 15)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "no messages arrived before the kill");
                await Task.Delay(5);
            }
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        int atKill = smtp.Messages.Count;
        Process second = StartHost(settings, log);
        try
        {
            await WaitHealthyAsync(http, second);
            JsonNode status;
            var deadline = Stopwatch.StartNew();
            do
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), "the campaign did not finish after the restart; see " + log);
                await Task.Delay(250);
                status = JsonNode.Parse(await http.GetStringAsync($"/api/campaigns/{id}"))!;
            }
            while (status["state"]!.GetValue<string>() is "Scheduled" or "Sending");

            Assert.Equal("Completed", status["state"]!.GetValue<string>());
            var report = new List<JsonNode>();
            for (string? next = $"/api/campaigns/{id}/recipients?pageSize=1000"; next is not null;)
            {
                JsonNode page = JsonNode.Parse(await http.GetStringAsync(next))!;
                report.AddRange(page["items"]!.AsArray().Select(n => n!));
                next = page["next"]?.GetValue<string>();
            }

            List<string> received = smtp.Messages.SelectMany(m => m.Recipients).ToList();
            Assert.True(received.Count > atKill, "nothing was sent after the restart");
            Assert.Equal(received.Count, received.Distinct().Count());
            Assert.Equal(total, report.Count);
            var sent = report.Where(r => r["status"]!.GetValue<string>() == "Sent").Select(r => r["email"]!.GetValue<string>()).ToHashSet();
            var uncertain = report.Where(r => r["status"]!.GetValue<string>() == "Uncertain").Select(r => r["email"]!.GetValue<string>()).ToHashSet();
            Assert.Equal(total, sent.Count + uncertain.Count);
            Assert.Subset(received.ToHashSet(), sent);
            Assert.Subset(sent.Union(uncertain).ToHashSet(), received.ToHashSet());
            // The next window is claimed while the current one sends: at most two windows (2 x 5) can be in doubt.
            Assert.True(uncertain.Count <= 10, $"{uncertain.Count} uncertain rows: at most two claim windows (2 x 5) can be in flight at the kill");
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }
}
