using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests;

[Collection(LocalHostTests.Name)]
public class SmtpRefusalTests
{
    private static (int Code, string Text)? Refuse(string address) =>
        address.StartsWith("gone", StringComparison.Ordinal) ? (550, "5.1.1 Mailbox unavailable")
        : address.StartsWith("busy", StringComparison.Ordinal) ? (451, "4.3.0 Try again later")
        : null;

    private static object[] Recipients(params string[] locals) =>
        locals.Select(l => (object)new { email = $"{l}@example.test", fields = new Dictionary<string, string> { ["who"] = l } }).ToArray();

    [Fact]
    public async Task Refused_recipients_fail_alone_with_the_servers_code_and_the_rest_are_sent()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync(Refuse);
        string id = await app.CreateCampaignAsync(new
        {
            name = "refusals", subject = "Hi {{ who }}", body = "<p>{{ who }}</p>", sender = "test", packetSize = 3, maxAttempts = 1,
            recipients = Recipients("a1", "gone1", "a2", "busy1", "a3", "a4", "gone2", "a5"),
        });
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(5, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(3, status["counts"]!["failed"]!.GetValue<int>());
        List<JsonNode> report = await app.RecipientsAsync(id);
        JsonNode gone = report.Single(r => r["email"]!.GetValue<string>() == "gone1@example.test");
        Assert.Equal("Failed", gone["status"]!.GetValue<string>());
        Assert.Equal(550, gone["smtpCode"]!.GetValue<int>());
        Assert.Contains("Mailbox unavailable", gone["smtpText"]!.GetValue<string>(), StringComparison.Ordinal);
        JsonNode busy = report.Single(r => r["email"]!.GetValue<string>() == "busy1@example.test");
        Assert.Equal(451, busy["smtpCode"]!.GetValue<int>());
        Assert.Contains("transient", busy["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            ["a1@example.test", "a2@example.test", "a3@example.test", "a4@example.test", "a5@example.test"],
            app.Smtp.Messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Campaign_halts_at_the_error_limit_and_leaves_the_rest_unsent()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync(Refuse);
        string id = await app.CreateCampaignAsync(new
        {
            name = "halt", subject = "Hi", body = "<p>x</p>", sender = "test", packetSize = 2, errorLimit = 2, maxAttempts = 1,
            recipients = Recipients("a1", "gone1", "a2", "busy1", "a3", "a4", "a5", "a6"),
        });
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Halted", status["state"]!.GetValue<string>());
        Assert.Contains("error limit 2", status["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, status["counts"]!["failed"]!.GetValue<int>());
        Assert.Equal(2, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(4, status["counts"]!["pending"]!.GetValue<int>());
        Assert.Equal(["a1@example.test", "a2@example.test"], app.Smtp.Messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        List<JsonNode> report = await app.RecipientsAsync(id);
        Assert.Equal(4, report.Count(r => r["status"]!.GetValue<string>() == "Pending"));
    }

    [Fact]
    public async Task Unreachable_server_fails_the_campaign_with_a_reason_and_sends_nothing()
    {
        // Two runs a second apart instead of eight over four minutes, so the test sees the end quickly.
        await using MailMergeApp app = await MailMergeApp.StartAsync(more: new Dictionary<string, string?>
        {
            ["MailMerge:Sending:PacketAttempts"] = "2", ["MailMerge:Sending:PacketRetrySeconds"] = "1",
        });
        await app.Smtp.DisposeAsync();
        string id = await app.CreateCampaignAsync(new
        {
            name = "down", subject = "Hi", body = "<p>x</p>", sender = "test", packetSize = 2, recipients = Recipients("a1", "a2", "a3"),
        });
        JsonNode status = await app.WaitForEndAsync(id, TimeSpan.FromMinutes(3));

        Assert.Equal("Failed", status["state"]!.GetValue<string>());
        Assert.Contains("could not be reached", status["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, status["counts"]!["pending"]!.GetValue<int>());
        List<JsonNode> report = await app.RecipientsAsync(id);
        Assert.All(report, r => Assert.Equal("Pending", r["status"]!.GetValue<string>()));
    }
}

[Collection(LocalHostTests.Name)]
public class RecipientFailsAloneTests
{
    [Fact]
    public async Task A_refusal_after_the_message_data_fails_that_recipient_alone_and_keeps_its_address_out_of_history()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        app.Smtp.RefuseData = address => address.StartsWith("spam", StringComparison.Ordinal) ? (554, "5.7.1 Message refused at DATA") : null;
        string id = await app.CreateCampaignAsync(new
        {
            name = "data", subject = "Hi", body = "<p>x</p>", sender = "test", packetSize = 10,
            recipients = new[] { "ok1", "spam1", "ok2", "ok3" }.Select(l => new { email = $"{l}@example.test" }),
        });
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(3, status["counts"]!["sent"]!.GetValue<int>());
        List<JsonNode> report = await app.RecipientsAsync(id);
        JsonNode spam = report.Single(r => r["email"]!.GetValue<string>() == "spam1@example.test");
        Assert.Equal("Failed", spam["status"]!.GetValue<string>());
        Assert.Equal(554, spam["smtpCode"]!.GetValue<int>());
        Assert.Equal(["ok1@example.test", "ok2@example.test", "ok3@example.test"], app.Smtp.Messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_template_that_fails_on_one_recipients_values_fails_that_recipient_alone()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string id = await app.CreateCampaignAsync(new
        {
            name = "render", subject = "Share", body = "<p>{{ 10 | divided_by: d }}</p>", sender = "test", packetSize = 10, errorLimit = 0,
            recipients = new[] { ("a", "2"), ("b", "0"), ("c", "5") }.Select(r => new { email = $"{r.Item1}@example.test", fields = new Dictionary<string, string> { ["d"] = r.Item2 } }),
        });
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(2, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(1, status["counts"]!["failed"]!.GetValue<int>());
        JsonNode b = (await app.RecipientsAsync(id)).Single(r => r["email"]!.GetValue<string>() == "b@example.test");
        Assert.Equal("Failed", b["status"]!.GetValue<string>());
        Assert.Contains("cannot be rendered", b["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
