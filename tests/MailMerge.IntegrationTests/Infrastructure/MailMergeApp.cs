using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailMerge.Json;
using MailMerge.Local;

namespace MailMerge.IntegrationTests.Infrastructure;

/// <summary>A local host on Azurite with its own task hub, sending through a test SMTP server.</summary>
internal sealed class MailMergeApp : IAsyncDisposable
{
    public const string ApiKey = "integration-test-key-0123456789";

    /// <summary>A second key that holds the journals.write permission.</summary>
    public const string ClerkKey = "integration-clerk-key-0123456789";

    private MailMergeApp(LocalHost host, TestSmtpServer smtp)
    {
        Host = host;
        Smtp = smtp;
        Http = host.CreateClient();
    }

    public LocalHost Host { get; }

    public TestSmtpServer Smtp { get; }

    public HttpClient Http { get; }

    public static Dictionary<string, string?> Settings(string storage, string taskHub, int smtpPort) => new()
    {
        ["MailMerge:ApiKey"] = ApiKey,
        ["MailMerge:ApiKeys:clerk:Key"] = ClerkKey,
        ["MailMerge:ApiKeys:clerk:Scopes"] = "journals.write",
        ["MailMerge:Storage:ConnectionString"] = storage,
        ["MailMerge:Local:Urls"] = "http://127.0.0.1:0",
        ["MailMerge:TaskHub"] = taskHub,
        ["MailMerge:Senders:test:Host"] = "127.0.0.1",
        ["MailMerge:Senders:test:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MailMerge:Senders:test:Tls"] = "None",
        ["MailMerge:Senders:test:FromAddress"] = "biuro@crm-biuro.test",
        ["MailMerge:Senders:test:FromName"] = "Biuro Obsługi Klienta",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static string NewTaskHub() => "t" + Guid.NewGuid().ToString("N")[..16];

    public static async Task<MailMergeApp> StartAsync(
        Func<string, (int Code, string Text)?>? refuse = null, int smtpMaxMessageSize = 0, IReadOnlyDictionary<string, string?>? more = null)
    {
        string storage = await Azurite.EnsureRunningAsync();
        TestSmtpServer smtp = TestSmtpServer.Start(refuse, smtpMaxMessageSize);
        Dictionary<string, string?> settings = Settings(storage, NewTaskHub(), smtp.Port);
        foreach ((string key, string? value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        LocalHost host = await LocalHost.StartAsync([], settings);
        return new MailMergeApp(host, smtp);
    }

    public async Task UploadAsync(string path, string content)
    {
        using HttpResponseMessage response = await Http.PutAsync(path, new StringContent(content));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<string> CreateCampaignAsync(object request, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = JsonContent.Create(request, options: MailMergeJson.Options) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using HttpResponseMessage response = await Http.SendAsync(message);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST /api/campaigns: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public async Task<JsonNode> StatusAsync(string id) => JsonNode.Parse(await Http.GetStringAsync($"/api/campaigns/{id}"))!;

    /// <summary>Polls the status until the campaign leaves Scheduled/Sending, or fails the test at the deadline.</summary>
    public async Task<JsonNode> WaitForEndAsync(string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            JsonNode status = await StatusAsync(id);
            string state = status["state"]!.GetValue<string>();
            if (state is not ("Scheduled" or "Sending"))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Campaign {id} still {state} at the deadline: {status.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    public async Task<List<JsonNode>> RecipientsAsync(string id)
    {
        var all = new List<JsonNode>();
        string? next = $"/api/campaigns/{id}/recipients?pageSize=7";
        while (next is not null)
        {
            JsonNode page = JsonNode.Parse(await Http.GetStringAsync(next))!;
            all.AddRange(page["items"]!.AsArray().Select(n => n!));
            next = page["next"]?.GetValue<string>();
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
