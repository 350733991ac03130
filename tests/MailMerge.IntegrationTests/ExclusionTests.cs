using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests;

/// <summary>The per-campaign exclusions list and the standing suppression list, through the HTTP API.</summary>
[Collection(LocalHostTests.Name)]
public class ExclusionTests
{
    private static string Unique(string local) => $"{local}-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task Suppression_list_is_managed_through_the_api_and_refuses_bad_addresses()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string one = Unique("one"), two = Unique("two");

        using HttpResponseMessage bulk = await app.Http.PostAsJsonAsync("/api/suppressions", new { addresses = new[] { one.ToUpperInvariant(), two }, reason = "unsubscribed" });
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await bulk.Content.ReadAsStringAsync())!["added"]!.GetValue<int>());

        JsonNode entry = JsonNode.Parse(await app.Http.GetStringAsync($"/api/suppressions/{one}"))!;
        Assert.Equal(one, entry["address"]!.GetValue<string>());
        Assert.Equal("unsubscribed", entry["reason"]!.GetValue<string>());

        var listed = new List<string>();
        for (string? next = "/api/suppressions?pageSize=2"; next is not null;)
        {
            JsonNode page = JsonNode.Parse(await app.Http.GetStringAsync(next))!;
            listed.AddRange(page["items"]!.AsArray().Select(i => i!["address"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
        }

        Assert.Contains(one, listed);
        Assert.Contains(two, listed);

        using HttpResponseMessage deleted = await app.Http.DeleteAsync($"/api/suppressions/{two}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using HttpResponseMessage gone = await app.Http.GetAsync($"/api/suppressions/{two}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using HttpResponseMessage deletedAgain = await app.Http.DeleteAsync($"/api/suppressions/{two}");
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);

        using HttpResponseMessage put = await app.Http.PutAsync($"/api/suppressions/{two}", null);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using HttpResponseMessage bad = await app.Http.PostAsJsonAsync("/api/suppressions", new { addresses = new[] { "ok@example.test", "bad@@x.test" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        JsonNode problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal(["addresses[1]"], problem["errors"]!.AsObject().Select(e => e.Key));
        using HttpResponseMessage ok = await app.Http.GetAsync("/api/suppressions/ok@example.test");
        Assert.Equal(HttpStatusCode.NotFound, ok.StatusCode);

        using HttpResponseMessage badOne = await app.Http.PutAsync("/api/suppressions/not-an-address", null);
        Assert.Equal(HttpStatusCode.BadRequest, badOne.StatusCode);
        Assert.Contains("\"address\"", await badOne.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage empty = await app.Http.PostAsJsonAsync("/api/suppressions", new { reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Campaign_skips_excluded_addresses_domains_and_suppressed_addresses_and_reports_each()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string suppressed = Unique("wypisany");
        await app.UploadAsync($"/api/suppressions/{suppressed}", string.Empty);
        string id = await app.CreateCampaignAsync(new
        {
            name = "exclusions", subject = "Hi", body = "<p>x</p>", sender = "test",
            exclusions = new[] { "Szef@Example.test", "rywal.test" },
            recipients = new[]
            {
                new { email = "anna@example.test" },
                new { email = "szef@example.test" },
                new { email = "ktos@poczta.rywal.test" },
                new { email = suppressed.ToUpperInvariant() },
                new { email = "piotr@example.test" },
            },
        });
        JsonNode status = await app.WaitForEndAsync(id);

        JsonNode counts = status["counts"]!;
        Assert.Equal(2, counts["sent"]!.GetValue<int>());
        Assert.Equal(2, counts["excluded"]!.GetValue<int>());
        Assert.Equal(1, counts["suppressed"]!.GetValue<int>());
        Assert.Equal(3, counts["skipped"]!.GetValue<int>());
        Assert.Equal(["anna@example.test", "piotr@example.test"], app.Smtp.Messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));

        List<JsonNode> report = await app.RecipientsAsync(id);
        Assert.Equal("Excluded", report.Single(r => r["line"]!.GetValue<int>() == 2)["status"]!.GetValue<string>());
        Assert.Contains("rywal.test", report.Single(r => r["line"]!.GetValue<int>() == 3)["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Suppressed", report.Single(r => r["line"]!.GetValue<int>() == 4)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_exclusions_are_refused_naming_each_entry()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "n", subject = "s", body = "<p>b</p>", sender = "test", recipients = new[] { new { email = "a@example.test" } },
            exclusions = new[] { "fine.test", "x@@y" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["exclusions[1]"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_list_left_empty_by_exclusions_is_refused()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "n", subject = "s", body = "<p>b</p>", sender = "test", recipients = new[] { new { email = "a@example.test" } },
            exclusions = new[] { "example.test" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1 excluded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
