using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests;

[Collection(LocalHostTests.Name)]
public class ApiContractTests
{
    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(body)!;
    }

    private static async Task<int> CampaignCountAsync()
    {
        var table = new TableClient(Azurite.ConnectionString, "Campaigns");
        await table.CreateIfNotExistsAsync();
        int count = 0;
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Invalid_request_lists_every_bad_field_and_stores_nothing()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        int before = await CampaignCountAsync();
        using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "",
            subject = "Hi {{ name",
            body = "<p>ok</p>",
            sender = "nobody",
            recipients = new[] { new { email = "bad@@x.test" } },
            packetSize = 0,
            intervalSeconds = -1,
        });
        JsonNode problem = await ProblemAsync(response, HttpStatusCode.BadRequest);

        JsonObject errors = problem["errors"]!.AsObject();
        Assert.Equal(["intervalSeconds", "name", "packetSize", "recipients", "sender", "subject"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("line 1, column", errors["subject"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await CampaignCountAsync());
    }

    [Fact]
    public async Task A_list_with_no_valid_address_is_refused_naming_the_field()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "n", subject = "s", body = "<p>b</p>", sender = "test", recipients = new[] { new { email = "bad@@x.test" } },
        });
        JsonNode problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("1 invalid", problem["errors"]!["recipients"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"packetSize\":\"five\"}", "packetSize")]
    [InlineData("{\"recipients\":{\"email\":\"a@b.test\"}}", "recipients")]
    [InlineData("", "body")]
    public async Task Malformed_json_gets_a_400_naming_where(string json, string field)
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await app.Http.PostAsync("/api/campaigns", new StringContent(json, Encoding.UTF8, "application/json"));
        JsonNode problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task Template_with_a_syntax_error_is_refused_at_upload_with_line_and_column()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await app.Http.PutAsync("/api/templates/broken", new StringContent("<p>\n{% if x %}\n</p>"));
        JsonNode problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("line ", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_template_and_list_names_are_refused_before_anything_is_stored()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "n", subject = "s", bodyTemplate = "nope-" + Guid.NewGuid().ToString("N"), sender = "test", recipientList = "nope-" + Guid.NewGuid().ToString("N"),
        });
        JsonNode problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["bodyTemplate", "recipientList"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_route_but_health_needs_the_key()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = app.Host.BaseAddress };
        using HttpResponseMessage health = await anonymous.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        foreach ((HttpMethod method, string path) in new[] { (HttpMethod.Get, "/api/campaigns/x"), (HttpMethod.Post, "/api/campaigns"), (HttpMethod.Put, "/api/templates/t"), (HttpMethod.Get, "/api/campaigns/x/recipients") })
        {
            using HttpResponseMessage response = await anonymous.SendAsync(new HttpRequestMessage(method, path));
            await ProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/campaigns/x");
        wrong.Headers.Add("x-functions-key", "wrong-key-wrong-key-wrong");
        using HttpResponseMessage refused = await anonymous.SendAsync(wrong);
        await ProblemAsync(refused, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_campaign_is_a_404_problem()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await app.Http.GetAsync("/api/campaigns/does-not-exist");
        await ProblemAsync(response, HttpStatusCode.NotFound);
        using HttpResponseMessage recipients = await app.Http.GetAsync("/api/campaigns/does-not-exist/recipients");
        await ProblemAsync(recipients, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Same_idempotency_key_starts_nothing_new_and_a_different_body_is_refused()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string key = Guid.NewGuid().ToString();
        var request = new { name = "once", subject = "s", body = "<p>b</p>", sender = "test", recipients = new[] { new { email = "once@example.test" } } };

        string first = await app.CreateCampaignAsync(request, key);
        string second = await app.CreateCampaignAsync(request, key);
        Assert.Equal(first, second);
        await app.WaitForEndAsync(first);
        Assert.Single(app.Smtp.Messages);

        using var changed = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = JsonContent.Create(request with { name = "other" }) };
        changed.Headers.Add("Idempotency-Key", key);
        using HttpResponseMessage response = await app.Http.SendAsync(changed);
        await ProblemAsync(response, (HttpStatusCode)422);
    }

    [Fact]
    public async Task Recipient_list_upload_reports_what_it_holds_and_refuses_a_list_without_addresses()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage ok = await app.Http.PutAsync("/api/recipient-lists/clients", new StringContent(Samples.RecipientsCsv));
        JsonNode summary = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!;
        Assert.Equal(17, summary["valid"]!.GetValue<int>());
        Assert.Equal(1, summary["duplicates"]!.GetValue<int>());
        Assert.Equal(1, summary["invalid"]!.GetValue<int>());

        using HttpResponseMessage bad = await app.Http.PutAsync("/api/recipient-lists/nameonly", new StringContent("name;city\nA;B\n"));
        await ProblemAsync(bad, HttpStatusCode.BadRequest);
        using HttpResponseMessage badName = await app.Http.PutAsync("/api/recipient-lists/..%2Fescape", new StringContent("email\na@b.test\n"));
        Assert.True(badName.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound);
    }
}
