using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests;

/// <summary>4xx replies are transient (retried in later passes with backoff), 5xx permanent, 421 reconnects; "retry failed" sends again.</summary>
[Collection(LocalHostTests.Name)]
public class TransientRetryTests
{
    private static object[] Recipients(params string[] locals) =>
        locals.Select(l => (object)new { email = $"{l}@example.test" }).ToArray();

    /// <summary>Refuses an address with <paramref name="reply"/> on its first <paramref name="times"/> RCPTs, then accepts it.</summary>
    private static Func<string, (int Code, string Text)?> RefuseFirst(string address, int times, (int Code, string Text) reply)
    {
        var seen = new ConcurrentDictionary<string, int>();
        return to => to == address && seen.AddOrUpdate(to, 1, (_, n) => n + 1) <= times ? reply : null;
    }

    private static JsonNode Row(List<JsonNode> report, string local) =>
        report.Single(r => r["email"]!.GetValue<string>() == $"{local}@example.test");

    [Fact]
    public async Task A_4xx_defers_the_recipient_and_a_later_pass_sends_it_once_after_RSET_and_backoff()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync(RefuseFirst("slow@example.test", 2, (451, "4.3.0 Greylisted, try again later")));
        string id = await app.CreateCampaignAsync(new
        {
            name = "greylist", subject = "Hi", body = "<p>x</p>", sender = "test", packetSize = 10, maxAttempts = 3, retryDelaySeconds = 1,
            recipients = Recipients("a1", "slow", "a2"),
        });
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(3, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(0, status["counts"]!["failed"]!.GetValue<int>());
        Assert.Equal(0, status["counts"]!["deferred"]!.GetValue<int>());
        Assert.Equal(2, status["delivery"]!["retries"]!.GetValue<int>());
        Assert.Equal(3, status["delivery"]!["connections"]!.GetValue<int>());
        Assert.Equal(["a1@example.test", "a2@example.test", "slow@example.test"], app.Smtp.Messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));

        JsonNode slow = Row(await app.RecipientsAsync(id), "slow");
        Assert.Equal("Sent", slow["status"]!.GetValue<string>());
        Assert.True(slow["sent"]!.GetValue<bool>());
        Assert.Equal(3, slow["attempts"]!.GetValue<int>());

        // The refused transaction was reset before the next message went out on the same connection.
        List<string> commands = [.. app.Smtp.Commands];
        int refused = commands.FindIndex(commands.FindIndex(c => c == "RCPT") + 1, c => c == "RCPT"); // a1's RCPT, then slow's
        Assert.Equal("RSET", commands.Skip(refused + 1).First(c => c is "RSET" or "MAIL"));
        Assert.Equal(2, commands.Count(c => c == "RSET"));
    }

    [Fact]
    public async Task A_recipient_refused_on_every_attempt_fails_with_attempts_and_last_reply_and_only_then_counts_toward_the_error_limit()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync(to => to.StartsWith("busy", StringComparison.Ordinal) ? (452, "4.2.2 Mailbox full") : null);
        string id = await app.CreateCampaignAsync(new
        {
            name = "full", subject = "Hi", body = "<p>x</p>", sender = "test", packetSize = 2, errorLimit = 1, maxAttempts = 2, retryDelaySeconds = 1,
            recipients = Recipients("busy1", "a1", "a2", "a3", "a4"),
        });
        JsonNode status = await app.WaitForEndAsync(id);

        // The deferral in the first packet did not stop the campaign: everybody else was sent before the final failure halted it.
        Assert.Equal("Halted", status["state"]!.GetValue<string>());
        Assert.Equal(4, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(1, status["counts"]!["failed"]!.GetValue<int>());
        JsonNode busy = Row(await app.RecipientsAsync(id), "busy1");
        Assert.Equal("Failed", busy["status"]!.GetValue<string>());
        Assert.False(busy["sent"]!.GetValue<bool>());
        Assert.Equal(2, busy["attempts"]!.GetValue<int>());
        Assert.Equal(452, busy["smtpCode"]!.GetValue<int>());
        Assert.Contains("Mailbox full", busy["smtpText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("on all 2 attempts", busy["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        JsonNode report = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/report"))!;
        Assert.Equal(4, report["byStatus"]!["Sent"]!.GetValue<int>());
        Assert.Equal(1, report["byStatus"]!["Failed"]!.GetValue<int>());
        Assert.Equal(1, report["delivery"]!["retries"]!.GetValue<int>());
        Assert.Equal($"/api/campaigns/{id}/recipients?format=csv", report["csvUrl"]!.GetValue<string>());
        string csv = await app.Http.GetStringAsync(report["csvUrl"]!.GetValue<string>());
        Assert.Contains("busy1@example.test,,Failed,no,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_421_closes_the_session_and_the_packet_goes_on_over_a_fresh_connection_without_duplicates()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync(RefuseFirst("a3@example.test", 1, (421, "4.7.0 Too many messages, closing")));
        string id = await app.CreateCampaignAsync(new
        {
            name = "421", subject = "Hi", body = "<p>x</p>", sender = "test", packetSize = 6, recipients = Recipients("a1", "a2", "a3", "a4", "a5", "a6"),
        });
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(6, status["counts"]!["sent"]!.GetValue<int>());
        List<string> received = app.Smtp.Messages.SelectMany(m => m.Recipients).ToList();
        Assert.Equal(6, received.Count);
        Assert.Equal(6, received.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(2, app.Smtp.Sessions);
        Assert.Equal(2, status["delivery"]!["connections"]!.GetValue<int>());
        Assert.Equal(1, status["delivery"]!["retries"]!.GetValue<int>());
        Assert.Equal(2, Row(await app.RecipientsAsync(id), "a3")["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task Retry_failed_sends_again_to_transient_failures_only_and_never_twice()
    {
        bool busy = true;
        await using MailMergeApp app = await MailMergeApp.StartAsync(to =>
            to.StartsWith("gone", StringComparison.Ordinal) ? (550, "5.1.1 No such user")
            : to.StartsWith("busy", StringComparison.Ordinal) && Volatile.Read(ref busy) ? (450, "4.2.1 Try later") : null);
        string id = await app.CreateCampaignAsync(new
        {
            name = "retry", subject = "Hi", body = "<p>x</p>", sender = "test", packetSize = 10, maxAttempts = 1,
            recipients = Recipients("a1", "busy1", "gone1", "busy2"),
        });
        JsonNode first = await app.WaitForEndAsync(id);
        Assert.Equal(3, first["counts"]!["failed"]!.GetValue<int>());

        Volatile.Write(ref busy, false);
        using HttpResponseMessage started = await app.Http.PostAsync($"/api/campaigns/{id}/retry-failed", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        JsonNode round = JsonNode.Parse(await started.Content.ReadAsStringAsync())!;
        Assert.Equal(2, round["requeued"]!.GetValue<int>());
        Assert.Equal(1, round["round"]!.GetValue<int>());
        using HttpResponseMessage again = await app.Http.PostAsync($"/api/campaigns/{id}/retry-failed", null);
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        JsonNode second = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal(1, second["round"]!.GetValue<int>());
        Assert.Equal(0, second["requeued"]!.GetValue<int>());

        JsonNode status = await app.WaitForEndAsync(id);
        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(3, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(1, status["counts"]!["failed"]!.GetValue<int>());
        Assert.Equal(["a1@example.test", "busy1@example.test", "busy2@example.test"], app.Smtp.Messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        List<JsonNode> report = await app.RecipientsAsync(id);
        Assert.Equal(2, Row(report, "busy1")["attempts"]!.GetValue<int>());
        Assert.Equal("Failed", Row(report, "gone1")["status"]!.GetValue<string>());

        using HttpResponseMessage nothing = await app.Http.PostAsync($"/api/campaigns/{id}/retry-failed", null);
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await nothing.Content.ReadAsStringAsync())!["requeued"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_retry_settings_get_a_400_naming_each_field_and_an_unknown_campaign_a_404()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "bad", subject = "Hi", body = "<p>x</p>", sender = "test", recipients = Recipients("a1"), maxAttempts = 0, retryDelaySeconds = 7200,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonObject errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["maxAttempts", "retryDelaySeconds"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));

        using HttpResponseMessage missing = await app.Http.PostAsync("/api/campaigns/cnothere/retry-failed", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using HttpResponseMessage report = await app.Http.GetAsync("/api/campaigns/cnothere/report");
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
    }
}
