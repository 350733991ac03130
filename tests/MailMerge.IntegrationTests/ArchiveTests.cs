using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MailMerge.Campaigns;
using MailMerge.IntegrationTests.Infrastructure;
using MailMerge.Sending;
using MailMerge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MailMerge.IntegrationTests;

/// <summary>The archive of sent messages: Blob storage through the API on Azurite, and a real IMAP Sent folder (dovecot).</summary>
[Collection(LocalHostTests.Name)]
public class ArchiveTests
{
    private static object[] Recipients(params string[] emails) =>
        emails.Select((e, i) => (object)new { email = e, fields = new Dictionary<string, string> { ["company_name"] = $"Firma Łódź {i}" } }).ToArray();

    private static object Campaign(string folder, object[] recipients, int packetSize = 50) => new
    {
        name = "archiwum",
        subject = "Nowy rachunek – {{ company_name }}",
        body = "<p>Dzień dobry, {{ company_name }}: zażółć gęślą jaźń.</p>",
        sender = "test",
        packetSize,
        maxAttempts = 1,
        archive = new { enabled = true, folder },
        recipients,
    };

    [Fact]
    public async Task Archive_keeps_one_eml_per_sent_recipient_byte_identical_to_what_the_server_received()
    {
        // The IMAP mailbox points at a port nobody listens on: the appends fail, are recorded, and change nothing else.
        var imapDown = new Dictionary<string, string?>
        {
            ["MailMerge:Senders:test:Imap:Host"] = "127.0.0.1",
            ["MailMerge:Senders:test:Imap:Port"] = "1",
            ["MailMerge:Senders:test:Imap:Tls"] = "None",
            ["MailMerge:Senders:test:Imap:User"] = "biuro",
            ["MailMerge:Senders:test:Imap:Password"] = "nie-dziala",
        };
        await using MailMergeApp app = await MailMergeApp.StartAsync(to => to.StartsWith("odrzucony", StringComparison.Ordinal) ? (550, "No such user") : null, more: imapDown);
        string folder = "2026/bank-account-" + Guid.NewGuid().ToString("N")[..6];
        string id = await app.CreateCampaignAsync(Campaign(folder, Recipients("anna@example.test", "odrzucony@example.test", "bartek@example.test", "celina@example.test", "darek@example.test"), packetSize: 2));
        JsonNode status = await app.WaitForEndAsync(id);
        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(4, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(1, status["counts"]!["failed"]!.GetValue<int>());

        var listed = new List<JsonNode>();
        JsonNode? counts = null;
        string? next = $"/api/campaigns/{id}/archive?pageSize=3";
        while (next is not null)
        {
            JsonNode page = JsonNode.Parse(await app.Http.GetStringAsync(next))!;
            counts ??= page["counts"];
            Assert.Equal(folder, page["folder"]!.GetValue<string>());
            listed.AddRange(page["items"]!.AsArray().Select(n => n!));
            next = page["next"]?.GetValue<string>();
        }

        Assert.Equal(["anna@example.test", "bartek@example.test", "celina@example.test", "darek@example.test"], listed.Select(i => i["email"]!.GetValue<string>()));
        Assert.Equal(4, counts!["archived"]!.GetValue<int>());
        Assert.Equal(0, counts["archiveFailed"]!.GetValue<int>());
        Assert.Equal(0, counts["imapAppended"]!.GetValue<int>());
        Assert.Equal(4, counts["imapFailed"]!.GetValue<int>());
        foreach (JsonNode item in listed)
        {
            string email = item["email"]!.GetValue<string>();
            string row = item["row"]!.GetValue<string>();
            Assert.Equal($"{folder}/{id}/{row}.eml", item["blob"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(item["imapError"]?.GetValue<string>()));

            using HttpResponseMessage download = await app.Http.GetAsync(item["url"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("message/rfc822", download.Content.Headers.ContentType!.MediaType);
            byte[] archived = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(item["size"]!.GetValue<long>(), archived.LongLength);

            // The test server adds no Received or Return-Path header and hands over the DATA content un-dot-stuffed,
            // without the CRLF that ends its last line, which RFC 5321 counts as the start of the <CRLF>.<CRLF> end.
            TestSmtpServer.Received received = app.Smtp.Messages.Single(m => m.Recipients.Contains(email));
            Assert.Equal("0D0A", Convert.ToHexString(archived[^2..]));
            Assert.Equal(Convert.ToHexString(received.Raw), Convert.ToHexString(archived[..^2]));
            Assert.Equal(item["messageId"]!.GetValue<string>(), "<" + received.Message.MessageId + ">");
        }

        // Exactly one blob per sent recipient, none for the refused one.
        BlobContainerClient container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(StorageNames.ArchiveContainer);
        var blobs = new List<BlobItem>();
        await foreach (BlobItem blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{folder}/{id}/", CancellationToken.None))
        {
            blobs.Add(blob);
            Assert.Equal("message/rfc822", blob.Properties.ContentType);
        }

        Assert.Equal(listed.Select(i => i["blob"]!.GetValue<string>()).Order(StringComparer.Ordinal), blobs.Select(b => b.Name).Order(StringComparer.Ordinal));

        List<JsonNode> report = await app.RecipientsAsync(id);
        JsonNode refused = report.Single(r => r["email"]!.GetValue<string>() == "odrzucony@example.test");
        using HttpResponseMessage notArchived = await app.Http.GetAsync($"/api/campaigns/{id}/archive/s0000000001");
        Assert.Equal(HttpStatusCode.NotFound, notArchived.StatusCode);
        Assert.Equal("application/problem+json", notArchived.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Failed", refused["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Archive_appends_one_copy_per_recipient_to_the_imap_sent_folder_through_pause_resume_and_retry_failed()
    {
        await using Dovecot imap = await Dovecot.StartAsync();
        bool busy = true;
        await using MailMergeApp app = await MailMergeApp.StartAsync(
            to => to.StartsWith("zajety", StringComparison.Ordinal) && Volatile.Read(ref busy) ? (450, "4.2.1 Try later") : null,
            more: imap.SenderSettings("test"));
        app.Smtp.SaveDelay = TimeSpan.FromMilliseconds(150);
        string folder = "imap/" + Guid.NewGuid().ToString("N")[..6];
        string[] emails = [.. Enumerable.Range(1, 11).Select(i => $"osoba{i:00}@example.test"), "zajety@example.test"];
        string id = await app.CreateCampaignAsync(Campaign(folder, Recipients(emails), packetSize: 5));

        // Pause part-way: the packet that was sending stops, and resuming runs it again over its sent rows.
        while (app.Smtp.Messages.Count < 3)
        {
            await Task.Delay(20);
        }

        using (HttpResponseMessage pause = await app.Http.PostAsync($"/api/campaigns/{id}/pause", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        }

        await WaitForAsync(app, id, s => s["state"]!.GetValue<string>() == "Paused");
        int atPause = app.Smtp.Messages.Count;
        Assert.True(atPause < 11, $"all {atPause} were sent before the pause took hold");
        app.Smtp.SaveDelay = TimeSpan.Zero;
        using (HttpResponseMessage resume = await app.Http.PostAsync($"/api/campaigns/{id}/resume", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        }

        JsonNode first = await WaitForAsync(app, id, s => s["state"]!.GetValue<string>() == "Completed");
        Assert.Equal(11, first["counts"]!["sent"]!.GetValue<int>());

        // The busy recipient failed (4xx, one attempt); "retry failed" sends it in a later pass, archived like the rest.
        Volatile.Write(ref busy, false);
        using (HttpResponseMessage retry = await app.Http.PostAsync($"/api/campaigns/{id}/retry-failed", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        }

        JsonNode status = await WaitForAsync(app, id, s => s["state"]!.GetValue<string>() == "Completed" && s["counts"]!["sent"]!.GetValue<int>() == 12);
        Assert.Equal(0, status["counts"]!["failed"]!.GetValue<int>());

        JsonNode page = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/archive"))!;
        Assert.True(page["counts"]!["imapAppended"]!.GetValue<int>() == 12, page.ToJsonString() + imap.Log);
        Assert.Equal(12, page["counts"]!["archived"]!.GetValue<int>());
        Assert.Equal(0, page["counts"]!["imapFailed"]!.GetValue<int>());
        Assert.Equal(emails.Order(StringComparer.Ordinal), app.Smtp.Messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        Assert.Equal(emails.Order(StringComparer.Ordinal), page["items"]!.AsArray().Select(i => i!["email"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(12, await CountBlobsAsync(folder, id));

        // The Sent folder holds each sent message once, marked seen, byte for byte the archived .eml.
        Dictionary<string, byte[]> sent = await SentFolderAsync(imap);
        Assert.Equal(app.Smtp.Messages.Select(m => m.Message.MessageId!).Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
        foreach (JsonNode item in page["items"]!.AsArray().Select(n => n!))
        {
            byte[] archived = await app.Http.GetByteArrayAsync(item["url"]!.GetValue<string>());
            string messageId = item["messageId"]!.GetValue<string>().Trim('<', '>');
            Assert.Equal(Convert.ToHexString(archived), Convert.ToHexString(sent[messageId]));
            Assert.False(string.IsNullOrEmpty(item["imapAppendedAt"]?.GetValue<string>()));
        }

        // A re-run of every packet and pass (a retried activity) sends, stores and appends nothing more.
        PacketSender packets = app.Host.Services.GetRequiredService<PacketSender>();
        for (int pass = 0; pass <= 2; pass++)
        {
            for (int packet = 0; packet < 3; packet++)
            {
                await packets.SendAsync(new PacketRequest(id, packet, 5, ErrorBudget: 0, Pass: pass), CancellationToken.None);
            }
        }

        Assert.Equal(12, app.Smtp.Messages.Count);
        Assert.Equal(12, await CountBlobsAsync(folder, id));
        Assert.Equal(sent.Keys.Order(StringComparer.Ordinal), (await SentFolderAsync(imap)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bad_archive_settings_answer_400_naming_the_field_and_a_campaign_without_archive_409()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        foreach (object archive in new object[]
        {
            new { enabled = true },
            new { enabled = true, folder = "" },
            new { enabled = true, folder = "/leading" },
            new { enabled = true, folder = "a//b" },
            new { enabled = true, folder = "../escape" },
            new { enabled = true, folder = "spaces not allowed" },
            new { enabled = true, folder = "ends-with." },
            new { enabled = true, folder = "zażółć" },
            new { enabled = true, folder = new string('a', 201) },
            new { folder = "a?b" },
        })
        {
            using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", new
            {
                name = "bad", subject = "S", body = "<p>x</p>", sender = "test", archive, recipients = Recipients("h@example.test"),
            });
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            KeyValuePair<string, JsonNode?> error = Assert.Single(JsonNode.Parse(body)!["errors"]!.AsObject());
            Assert.Equal("archive.folder", error.Key);
            Assert.Contains("folder", error.Value![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        // Wrong JSON types are named by their path too.
        foreach ((string json, string field) in new[]
        {
            ("\"yes\"", "archive"),
            ("{\"enabled\": \"yes\", \"folder\": \"a\"}", "archive.enabled"),
            ("{\"enabled\": true, \"folder\": 7}", "archive.folder"),
        })
        {
            string request = $$"""{"name": "bad", "subject": "S", "body": "<p>x</p>", "sender": "test", "recipients": [{"email": "h@example.test"}], "archive": {{json}}}""";
            using HttpResponseMessage response = await app.Http.PostAsync("/api/campaigns", new StringContent(request, System.Text.Encoding.UTF8, "application/json"));
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Equal([field], JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key));
        }

        // The list's own parameters.
        string kept = await app.CreateCampaignAsync(Campaign("kept/" + Guid.NewGuid().ToString("N")[..6], Recipients("k@example.test")));
        await app.WaitForEndAsync(kept);
        foreach ((string query, string field) in new[] { ("pageSize=0", "pageSize"), ("pageSize=1001", "pageSize"), ("pageSize=x", "pageSize"), ("continuation=not-a-token", "continuation") })
        {
            using HttpResponseMessage response = await app.Http.GetAsync($"/api/campaigns/{kept}/archive?{query}");
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {body}");
            Assert.Equal([field], JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key));
        }

        using HttpResponseMessage badRow = await app.Http.GetAsync($"/api/campaigns/{kept}/archive/..%2Fx");
        Assert.Equal(HttpStatusCode.NotFound, badRow.StatusCode);
        using HttpResponseMessage keptRow = await app.Http.GetAsync($"/api/campaigns/{kept}/archive/s0000000000");
        Assert.Equal(HttpStatusCode.OK, keptRow.StatusCode);

        string plain = await app.CreateCampaignAsync(new { name = "plain", subject = "S", body = "<p>x</p>", sender = "test", recipients = Recipients("i@example.test") });
        await app.WaitForEndAsync(plain);
        using HttpResponseMessage noArchive = await app.Http.GetAsync($"/api/campaigns/{plain}/archive");
        Assert.Equal(HttpStatusCode.Conflict, noArchive.StatusCode);
        using HttpResponseMessage noArchiveRow = await app.Http.GetAsync($"/api/campaigns/{plain}/archive/s0000000000");
        Assert.Equal(HttpStatusCode.Conflict, noArchiveRow.StatusCode);
        using HttpResponseMessage unknown = await app.Http.GetAsync("/api/campaigns/nope/archive");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        string off = await app.CreateCampaignAsync(new { name = "off", subject = "S", body = "<p>x</p>", sender = "test", archive = new { enabled = false, folder = "kept/off" }, recipients = Recipients("j@example.test") });
        await app.WaitForEndAsync(off);
        using HttpResponseMessage offArchive = await app.Http.GetAsync($"/api/campaigns/{off}/archive");
        Assert.Equal(HttpStatusCode.Conflict, offArchive.StatusCode);
        Assert.Equal(0, await CountBlobsAsync("kept/off", off));
    }

    private static async Task<int> CountBlobsAsync(string folder, string id)
    {
        BlobContainerClient container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(StorageNames.ArchiveContainer);
        int count = 0;
        await foreach (BlobItem _ in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{folder}/{id}/", CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    private static async Task<JsonNode> WaitForAsync(MailMergeApp app, string id, Func<JsonNode, bool> reached)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            JsonNode status = await app.StatusAsync(id);
            if (reached(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Campaign {id} at the deadline: {status.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    /// <summary>The messages of the Sent folder by Message-Id (a second copy of one fails the test), read as stored.</summary>
    private static async Task<Dictionary<string, byte[]>> SentFolderAsync(Dovecot imap)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(Dovecot.User, Dovecot.Password);
        IMailFolder sent = client.GetFolder(SpecialFolder.Sent) ?? await client.GetFolderAsync("Sent");
        await sent.OpenAsync(FolderAccess.ReadOnly);
        IList<UniqueId> all = await sent.SearchAsync(SearchQuery.All);
        IList<IMessageSummary> summaries = await sent.FetchAsync(all, MessageSummaryItems.Envelope | MessageSummaryItems.Flags | MessageSummaryItems.UniqueId);
        var messages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (IMessageSummary summary in summaries)
        {
            Assert.True(summary.Flags!.Value.HasFlag(MessageFlags.Seen));
            await using Stream stream = await sent.GetStreamAsync(summary.UniqueId, string.Empty);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            messages.Add(summary.Envelope!.MessageId!, bytes.ToArray());
        }

        await client.DisconnectAsync(true);
        return messages;
    }
}
