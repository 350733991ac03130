using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;
using MimeKit;

namespace MailMerge.IntegrationTests;

/// <summary>Reply-To choices and test messages, through the HTTP API on Azurite and a real SMTP server.</summary>
[Collection(LocalHostTests.Name)]
public class ReplyToAndTestMessageTests
{
    private static object Recipient(string email, string? manager = null, string? managerName = null)
    {
        var fields = new Dictionary<string, string> { ["company_name"] = "Firma " + email[0] };
        if (manager is not null)
        {
            fields["account_manager_email"] = manager;
        }

        if (managerName is not null)
        {
            fields["account_manager_name"] = managerName;
        }

        return new { email, fields };
    }

    [Fact]
    public async Task Reply_to_goes_to_the_account_manager_the_sender_or_a_given_address()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string managed = await app.CreateCampaignAsync(new
        {
            name = "managers", subject = "S", body = "<p>{{ company_name }}</p>", sender = "test",
            replyTo = new { mode = "accountManager" },
            recipients = new[]
            {
                Recipient("a@example.test", "anna.opiekun@crm-biuro.test", "Anna Opiekun"),
                Recipient("b@example.test"),
                Recipient("c@example.test", "not-an-address"),
            },
        });
        JsonNode status = await app.WaitForEndAsync(managed);
        Assert.Equal(2, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(1, status["counts"]!["failed"]!.GetValue<int>());

        MimeMessage toA = app.Smtp.Messages.Single(m => m.Recipients.Contains("a@example.test")).Message;
        Assert.Equal("Anna Opiekun", toA.ReplyTo.Mailboxes.Single().Name);
        Assert.Equal("anna.opiekun@crm-biuro.test", toA.ReplyTo.Mailboxes.Single().Address);
        MimeMessage toB = app.Smtp.Messages.Single(m => m.Recipients.Contains("b@example.test")).Message;
        Assert.Equal("biuro@crm-biuro.test", toB.ReplyTo.Mailboxes.Single().Address);
        List<JsonNode> report = await app.RecipientsAsync(managed);
        Assert.Contains("account_manager_email", report.Single(r => r["email"]!.GetValue<string>() == "b@example.test")["missingFields"]!.GetValue<string>(), StringComparison.Ordinal);
        JsonNode failed = report.Single(r => r["email"]!.GetValue<string>() == "c@example.test");
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Contains("account manager", failed["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        string given = await app.CreateCampaignAsync(new
        {
            name = "given", subject = "S", body = "<p>x</p>", sender = "test",
            replyTo = new { mode = "address", address = "Odpowiedzi <odpowiedzi@crm-biuro.test>" },
            recipients = new[] { Recipient("d@example.test") },
        });
        await app.WaitForEndAsync(given);
        MailboxAddress replyTo = app.Smtp.Messages.Single(m => m.Recipients.Contains("d@example.test")).Message.ReplyTo.Mailboxes.Single();
        Assert.Equal("odpowiedzi@crm-biuro.test", replyTo.Address);

        foreach ((object choice, string field) in new (object, string)[]
        {
            (new { mode = "boss" }, "replyTo.mode"),
            (new { mode = "address" }, "replyTo.address"),
            (new { mode = "address", address = "x@@y.test" }, "replyTo.address"),
            (new { mode = "sender", address = "a@b.test" }, "replyTo.address"),
        })
        {
            using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
            {
                name = "bad", subject = "S", body = "<p>x</p>", sender = "test", replyTo = choice, recipients = new[] { Recipient("e@example.test") },
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([field], JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key));
        }
    }

    [Fact]
    public async Task Test_message_goes_once_to_every_test_address_marked_and_not_counted()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        (HttpStatusCode created, string id) = await CreateDraftAsync(app);
        Assert.Equal(HttpStatusCode.Created, created);

        using HttpResponseMessage sent = await app.Http.PostAsJsonAsync($"/api/campaigns/{id}/test", new { to = new[] { "tester1@crm-biuro.test", "Tester Dwa <tester2@crm-biuro.test>" }, line = 2 });
        string body = await sent.Content.ReadAsStringAsync();
        Assert.True(sent.StatusCode == HttpStatusCode.OK, body);

        TestSmtpServer.Received test = Assert.Single(app.Smtp.Messages);
        Assert.Equal(["tester1@crm-biuro.test", "tester2@crm-biuro.test"], test.Recipients.Order(StringComparer.Ordinal));
        Assert.Equal("[TEST] Dzień dobry Firma b", test.Message.Subject);
        Assert.Equal("true", test.Message.Headers["X-MailMerge-Test"]);
        Assert.Contains("Firma b", test.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(body)!["line"]!.GetValue<int>());

        JsonNode status = await app.StatusAsync(id);
        Assert.Equal("Draft", status["state"]!.GetValue<string>());
        Assert.Equal(0, status["counts"]!["sent"]!.GetValue<int>());
        Assert.All(await app.RecipientsAsync(id), r => Assert.Equal("Pending", r["status"]!.GetValue<string>()));

        foreach ((object request, string field) in new (object, string)[]
        {
            (new { to = Array.Empty<string>() }, "to"),
            (new { to = new[] { "ok@crm-biuro.test", "bad@@x" } }, "to[1]"),
            (new { to = new[] { "ok@crm-biuro.test" }, line = 99 }, "line"),
            (new { to = Enumerable.Range(0, 11).Select(i => $"t{i}@crm-biuro.test").ToArray() }, "to"),
        })
        {
            using HttpResponseMessage refused = await app.Http.PostAsJsonAsync($"/api/campaigns/{id}/test", request);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal([field], JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key));
        }

        Assert.Single(app.Smtp.Messages);
        using HttpResponseMessage missing = await app.Http.PostAsJsonAsync("/api/campaigns/nope/test", new { to = new[] { "a@crm-biuro.test" } });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, string Id)> CreateDraftAsync(MailMergeApp app)
    {
        using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "test message", subject = "Dzień dobry {{ company_name }}", body = "<p>{{ company_name }}</p>", sender = "test", draft = true,
            recipients = new[] { Recipient("a@example.test"), Recipient("b@example.test") },
        });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
    }
}
