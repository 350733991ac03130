using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;
using MimeKit;

namespace MailMerge.IntegrationTests;

[Collection(LocalHostTests.Name)]
public class CampaignEndToEndTests
{
    private static object SampleCampaign(double interval = 0.5) => new
    {
        name = "Nowy rachunek bankowy",
        subject = "Zmiana rachunku – {{ company_name }}",
        bodyTemplate = "bank-account-change",
        sender = "test",
        recipientList = "clients",
        packetSize = 5,
        intervalSeconds = interval,
        errorLimit = 0,
    };

    [Fact]
    public async Task Sample_campaign_sends_each_recipient_exactly_one_correct_message()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        await app.UploadAsync("/api/templates/bank-account-change", Samples.BankTemplate);
        await app.UploadAsync("/api/recipient-lists/clients", Samples.RecipientsCsv);

        string id = await app.CreateCampaignAsync(SampleCampaign());
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        JsonNode counts = status["counts"]!;
        Assert.Equal(19, counts["total"]!.GetValue<int>());
        Assert.Equal(17, counts["sent"]!.GetValue<int>());
        Assert.Equal(1, counts["duplicates"]!.GetValue<int>());
        Assert.Equal(1, counts["invalid"]!.GetValue<int>());
        Assert.Equal(0, counts["pending"]!.GetValue<int>());
        Assert.Equal(4, counts["withMissingFields"]!.GetValue<int>());
        Assert.Equal(4, status["packets"]!["done"]!.GetValue<int>());

        var received = app.Smtp.Messages.ToList();
        var addresses = received.SelectMany(m => m.Recipients).ToList();
        Assert.Equal(17, addresses.Count);
        Assert.Equal(17, addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain("biuro@@mikroplan.test", addresses);

        TestSmtpServer.Received kowalski = received.Single(m => m.Recipients.Contains("jan.kowalski@nowakisyn.test"));
        Assert.Contains("To: \"Kowalski, Jan\" <jan.kowalski@nowakisyn.test>", System.Text.Encoding.ASCII.GetString(kowalski.Raw), StringComparison.Ordinal);
        Assert.Equal("Kowalski, Jan", kowalski.Message.To.Mailboxes.Single().Name);
        Assert.Equal("Zmiana rachunku – Biuro Nowak & Syn", kowalski.Message.Subject);
        Assert.Contains("Biuro Nowak &amp; Syn", kowalski.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dzień dobry Kowalski, Jan", kowalski.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("biuro@crm-biuro.test", kowalski.Message.From.Mailboxes.Single().Address);

        TestSmtpServer.Received noName = received.Single(m => m.Recipients.Contains("biuro@mikronika.test"));
        Assert.Contains("Dzień dobry Szanowni Państwo", noName.Message.TextBody, StringComparison.Ordinal);

        Assert.All(received, m => Assert.All(
            System.Text.Encoding.ASCII.GetString(m.Raw).Split("\r\n"), line => Assert.True(line.Length <= 998)));
        Assert.Equal(17, received.Select(m => m.Message.MessageId).Distinct().Count());

        List<JsonNode> report = await app.RecipientsAsync(id);
        Assert.Equal(19, report.Count);
        foreach (JsonNode row in report.Where(r => r["status"]!.GetValue<string>() == "Sent"))
        {
            string email = row["email"]!.GetValue<string>();
            TestSmtpServer.Received message = received.Single(m => m.Recipients.Contains(email, StringComparer.OrdinalIgnoreCase));
            Assert.Equal(row["messageId"]!.GetValue<string>(), "<" + message.Message.MessageId + ">");
            Assert.NotNull(row["sentAt"]);
        }

        JsonNode duplicate = report.Single(r => r["status"]!.GetValue<string>() == "Duplicate");
        Assert.Equal("BIURO@MIKRONIKA.TEST", duplicate["email"]!.GetValue<string>());
        Assert.Contains("line 1", duplicate["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("biuro@@mikroplan.test", report.Single(r => r["status"]!.GetValue<string>() == "Invalid")["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Packets_start_no_sooner_than_the_interval_apart()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        var recipients = Enumerable.Range(1, 9).Select(i => new { email = $"r{i}@example.test", fields = new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        string id = await app.CreateCampaignAsync(new
        {
            name = "spacing", subject = "Hi {{ n }}", body = "<p>{{ n }}</p>", sender = "test",
            recipients, packetSize = 3, intervalSeconds = 1.5,
        });

        var seen = new HashSet<int>();
        while (true)
        {
            JsonNode status = await app.StatusAsync(id);
            seen.Add(status["packets"]!["done"]!.GetValue<int>());
            Assert.Equal(3, status["packets"]!["total"]!.GetValue<int>());
            if (status["state"]!.GetValue<string>() is not ("Scheduled" or "Sending"))
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Contains(1, seen);
        Assert.Contains(2, seen);

        List<JsonNode> report = await app.RecipientsAsync(id);
        DateTimeOffset FirstOf(int packet) => report
            .Where(r => (r["line"]!.GetValue<int>() - 1) / 3 == packet)
            .Min(r => r["sentAt"]!.GetValue<DateTimeOffset>());
        for (int packet = 1; packet < 3; packet++)
        {
            TimeSpan gap = FirstOf(packet) - FirstOf(packet - 1);
            // sentAt is when the server accepted a message, which can trail the packet's start by one message's round trip.
            Assert.True(gap >= TimeSpan.FromSeconds(1.5 - 0.25), $"packet {packet} started {gap.TotalSeconds:0.00} s after the previous one");
        }
    }

    [Fact]
    public async Task Report_downloads_as_csv_with_every_recipient()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        await app.UploadAsync("/api/recipient-lists/clients", Samples.RecipientsCsv);
        string id = await app.CreateCampaignAsync(new
        {
            name = "csv", subject = "S", body = "<p>{{ company_name }}</p>", sender = "test", recipientList = "clients", packetSize = 50,
        });
        await app.WaitForEndAsync(id);

        using HttpResponseMessage response = await app.Http.GetAsync($"/api/campaigns/{id}/recipients?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        string csv = await response.Content.ReadAsStringAsync();
        string[] lines = csv.TrimEnd().Split("\r\n");
        Assert.Equal("line,email,name,status,sent,reason,smtp_code,smtp_text,message_id,sent_at,attempts,next_attempt_at,missing_fields", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(20, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("19,jan.kowalski@nowakisyn.test,\"Kowalski, Jan\",Sent,yes,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_renders_a_recipients_message_without_sending_and_names_the_empty_fields()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        await app.UploadAsync("/api/templates/bank-account-change", Samples.BankTemplate);
        await app.UploadAsync("/api/recipient-lists/clients", Samples.RecipientsCsv);
        string id = await app.CreateCampaignAsync(SampleCampaign());
        await app.WaitForEndAsync(id);
        int received = app.Smtp.Messages.Count;

        JsonNode first = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/preview"))!;
        Assert.Equal(1, first["line"]!.GetValue<int>());
        Assert.Equal("biuro@mikronika.test", first["email"]!.GetValue<string>());
        Assert.Equal("Zmiana rachunku – Mikronika Sp. z o.o.", first["subject"]!.GetValue<string>());
        Assert.Contains("Dzień dobry Szanowni Państwo", first["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("contact_name", first["emptyFields"]!.AsArray().Select(f => f!.GetValue<string>()));

        JsonNode kowalski = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/preview?line=19"))!;
        Assert.Equal("Kowalski, Jan", kowalski["name"]!.GetValue<string>());
        Assert.Contains("Biuro Nowak &amp; Syn", kowalski["html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(kowalski["emptyFields"]!.AsArray());

        foreach (string bad in new[] { "17", "0", "abc", "999" })
        {
            using HttpResponseMessage response = await app.Http.GetAsync($"/api/campaigns/{id}/preview?line={bad}");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"line\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(received, app.Smtp.Messages.Count);
    }

    [Fact]
    public async Task Campaign_with_an_unsubscribe_url_sends_one_click_unsubscribe_headers()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string id = await app.CreateCampaignAsync(new
        {
            name = "unsubscribe", subject = "Hi", body = "<p>x</p>", sender = "test",
            unsubscribeUrl = "https://crm.test/unsubscribe?c={{ client }}",
            recipients = new[] { new { email = "u1@example.test", fields = new Dictionary<string, string> { ["client"] = "K/2026 7" } } },
        });
        await app.WaitForEndAsync(id);

        MimeMessage message = Assert.Single(app.Smtp.Messages).Message;
        Assert.Equal("<https://crm.test/unsubscribe?c=K%2F2026%207>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }
}
