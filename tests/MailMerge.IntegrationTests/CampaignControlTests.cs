using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;
using MailMerge.Json;

namespace MailMerge.IntegrationTests;

/// <summary>Drafts, the summary, scheduled starts, and pause, resume and cancel, through the HTTP API on Azurite and a real SMTP server.</summary>
[Collection(LocalHostTests.Name)]
public class CampaignControlTests
{
    private static object[] People(int count, string prefix = "person") =>
        Enumerable.Range(1, count).Select(i => (object)new { email = $"{prefix}{i:000}@example.test", fields = new Dictionary<string, string> { ["n"] = $"{i}" } }).ToArray();

    private static async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(MailMergeApp app, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: MailMergeJson.Options);
        }

        using HttpResponseMessage response = await app.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    private static string State(JsonNode status) => status["state"]!.GetValue<string>();

    /// <summary>Waits until the SMTP server has received <paramref name="count"/> messages, or fails the test at the deadline.</summary>
    private static async Task WaitForMessagesAsync(MailMergeApp app, int count)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (app.Smtp.Messages.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {app.Smtp.Messages.Count} of {count} messages arrived by the deadline.");
            await Task.Delay(10);
        }
    }

    private static async Task<JsonNode> WaitForStateAsync(MailMergeApp app, string id, string state, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            JsonNode status = await app.StatusAsync(id);
            if (State(status) == state)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Campaign {id} not {state} at the deadline: {status.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Draft_is_stored_changed_summarised_and_started_explicitly()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        (HttpStatusCode created, JsonNode answer) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
        {
            name = "draft", subject = "First {{ n }}", body = "<p>{{ n }}</p>", sender = "test", draft = true,
            recipients = new object[]
            {
                new { email = "a@example.test", fields = new Dictionary<string, string> { ["n"] = "1" } },
                new { email = "A@Example.test" },
                new { email = "bad@@example.test" },
                new { email = "szef@rywal.test" },
                new { email = "b@example.test", fields = new Dictionary<string, string> { ["n"] = "2" } },
            },
            exclusions = new[] { "rywal.test" },
        });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("Draft", answer["state"]!.GetValue<string>());
        string id = answer["id"]!.GetValue<string>();
        JsonNode draftStatus = await app.StatusAsync(id);
        Assert.Equal("Draft", State(draftStatus));
        Assert.Null(draftStatus["startAt"]);

        JsonNode summary = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/summary"))!;
        Assert.Equal(["a@example.test", "b@example.test"], summary["items"]!.AsArray().Select(i => i!["email"]!.GetValue<string>()));
        Assert.Equal(2, summary["counts"]!["toSend"]!.GetValue<int>());
        Assert.Equal(3, summary["counts"]!["removed"]!.GetValue<int>());
        JsonNode removed = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/summary?list=removed&pageSize=2"))!;
        Assert.Equal(["Duplicate", "Invalid"], removed["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()));
        JsonNode removedRest = JsonNode.Parse(await app.Http.GetStringAsync(removed["next"]!.GetValue<string>()))!;
        JsonNode excluded = Assert.Single(removedRest["items"]!.AsArray())!;
        Assert.Equal("Excluded", excluded["status"]!.GetValue<string>());
        Assert.Contains("rywal.test", excluded["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        (HttpStatusCode badPatch, JsonNode problem) = await SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{id}", new { packetSize = 0, subject = "a\nb" });
        Assert.Equal(HttpStatusCode.BadRequest, badPatch);
        Assert.Equal(["packetSize", "subject"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

        (HttpStatusCode patched, _) = await SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{id}", new
        {
            subject = "Changed {{ n }}",
            recipients = new object[] { new { email = "c@example.test", fields = new Dictionary<string, string> { ["n"] = "3" } }, new { email = "b@example.test" } },
        });
        Assert.Equal(HttpStatusCode.OK, patched);
        JsonNode changed = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/summary"))!;
        Assert.Equal(["c@example.test", "b@example.test"], changed["items"]!.AsArray().Select(i => i!["email"]!.GetValue<string>()));
        Assert.Equal(0, changed["counts"]!["removed"]!.GetValue<int>());

        await Task.Delay(500);
        Assert.Empty(app.Smtp.Messages);

        (HttpStatusCode started, JsonNode startAnswer) = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start");
        Assert.Equal(HttpStatusCode.Accepted, started);
        Assert.Equal("Scheduled", startAnswer["state"]!.GetValue<string>());
        JsonNode status = await app.WaitForEndAsync(id);
        Assert.Equal("Completed", State(status));
        Assert.Equal(2, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(["Changed 3", "Changed"], app.Smtp.Messages.OrderBy(m => m.Recipients[0], StringComparer.Ordinal).Reverse().Select(m => m.Message.Subject));

        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{id}", new { name = "late" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(app, HttpMethod.Post, "/api/campaigns/nope/start")).Status);
    }

    [Fact]
    public async Task A_draft_changed_after_its_preview_and_test_message_is_sent_as_changed()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        (HttpStatusCode created, JsonNode answer) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
        {
            name = "draft-edit", subject = "First {{ n }}", body = "<p>Old {{ n }}</p>", sender = "test", draft = true,
            replyTo = new { mode = "address", address = "stary@crm-biuro.test" },
            recipients = new object[] { new { email = "a@example.test", fields = new Dictionary<string, string> { ["n"] = "1" } } },
        });
        Assert.Equal(HttpStatusCode.Created, created);
        string id = answer["id"]!.GetValue<string>();
        JsonNode before = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/preview"))!;
        Assert.Equal("First 1", before["subject"]!.GetValue<string>());
        using (HttpResponseMessage test = await app.Http.PostAsJsonAsync($"/api/campaigns/{id}/test", new { to = new[] { "tester@crm-biuro.test" } }))
        {
            Assert.True(test.IsSuccessStatusCode, await test.Content.ReadAsStringAsync());
        }

        (HttpStatusCode patched, _) = await SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{id}", new
        {
            subject = "Second {{ n }}", body = "<p>New {{ n }}</p>", replyTo = new { mode = "address", address = "nowy@crm-biuro.test" },
        });
        Assert.Equal(HttpStatusCode.OK, patched);
        JsonNode after = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/preview"))!;
        Assert.Equal("Second 1", after["subject"]!.GetValue<string>());
        Assert.Contains("New 1", after["html"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start")).Status);
        Assert.Equal("Completed", State(await app.WaitForEndAsync(id)));
        MimeKit.MimeMessage sent = app.Smtp.Messages.Single(m => m.Recipients.Contains("a@example.test")).Message;
        Assert.Equal("Second 1", sent.Subject);
        Assert.Contains("New 1", sent.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("nowy@crm-biuro.test", Assert.Single(sent.ReplyTo.Mailboxes).Address);
        MimeKit.MimeMessage tested = app.Smtp.Messages.Single(m => m.Recipients.Contains("tester@crm-biuro.test")).Message;
        Assert.Equal("stary@crm-biuro.test", Assert.Single(tested.ReplyTo.Mailboxes).Address);
    }

    [Fact]
    public async Task A_draft_being_changed_can_be_neither_started_nor_changed_again_until_the_change_ends()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        (HttpStatusCode created, JsonNode answer) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
        {
            name = "claimed", subject = "S {{ n }}", body = "<p>{{ n }}</p>", sender = "test", draft = true, recipients = People(3),
        });
        Assert.Equal(HttpStatusCode.Created, created);
        string id = answer["id"]!.GetValue<string>();
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MailMerge.Campaigns.CampaignStore>(app.Host.Services);

        // A change in flight (as PATCH leaves it while it rewrites the rows): start and a second change are refused.
        MailMerge.Campaigns.CampaignRecord record = (await store.FindAsync(id))!;
        record.EditToken = "other-request";
        record.EditUntil = DateTimeOffset.UtcNow.AddMinutes(5);
        Assert.True(await store.TryReplaceAsync(record));
        (HttpStatusCode startWhileEditing, JsonNode startProblem) = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start");
        Assert.Equal(HttpStatusCode.Conflict, startWhileEditing);
        Assert.Contains("being stored", startProblem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{id}", new { subject = "Other {{ n }}" })).Status);

        // A change that died: start still refuses (its list may be half written); the next change takes over and rebuilds it.
        record.EditUntil = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.True(await store.TryReplaceAsync(record));
        (HttpStatusCode startAfterDeath, JsonNode deathProblem) = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start");
        Assert.Equal(HttpStatusCode.Conflict, startAfterDeath);
        Assert.Contains("did not finish", deathProblem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{id}", new { subject = "Rebuilt {{ n }}" })).Status);
        Assert.Null((await store.FindAsync(id))!.EditToken);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start")).Status);
        Assert.Equal("Completed", State(await app.WaitForEndAsync(id)));
        Assert.Equal(3, app.Smtp.Messages.Count);
        Assert.All(app.Smtp.Messages, m => Assert.StartsWith("Rebuilt ", m.Message.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_racing_a_start_is_either_sent_whole_or_refused_and_changes_nothing()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        for (int round = 0; round < 3; round++)
        {
            (HttpStatusCode created, JsonNode answer) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
            {
                name = "race", subject = "OLD {{ n }}", body = "<p>{{ n }}</p>", sender = "test", draft = true, packetSize = 50, recipients = People(20, $"old{round}-"),
            });
            Assert.Equal(HttpStatusCode.Created, created);
            string id = answer["id"]!.GetValue<string>();
            int before = app.Smtp.Messages.Count;

            Task<(HttpStatusCode Status, JsonNode Body)> patch = SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{id}", new { subject = "NEW {{ n }}", recipients = People(600, $"new{round}-") });
            await Task.Delay(30 * round);
            (HttpStatusCode started, _) = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start");
            (HttpStatusCode patched, _) = await patch;
            if (started != HttpStatusCode.Accepted)
            {
                // The change held the draft: start again once it is stored.
                Assert.Equal(HttpStatusCode.Conflict, started);
                Assert.Equal(HttpStatusCode.OK, patched);
                Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start")).Status);
            }

            JsonNode status = await app.WaitForEndAsync(id, TimeSpan.FromMinutes(3));
            Assert.Equal("Completed", State(status));
            var sent = app.Smtp.Messages.Skip(before).ToList();
            string prefix = patched == HttpStatusCode.OK ? "NEW " : "OLD ";
            int expected = patched == HttpStatusCode.OK ? 600 : 20;
            Assert.True(patched is HttpStatusCode.OK or HttpStatusCode.Conflict, $"PATCH answered {patched}");
            Assert.Equal(expected, sent.Count);
            Assert.All(sent, m => Assert.StartsWith(prefix, m.Message.Subject, StringComparison.Ordinal));
            Assert.Equal(expected, status["counts"]!["sent"]!.GetValue<int>());
            Assert.Equal(0, status["counts"]!["pending"]!.GetValue<int>());
            List<JsonNode> rows = await app.RecipientsAsync(id);
            Assert.Equal(expected, rows.Count);
            Assert.All(rows, r => Assert.Equal("Sent", r["status"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Draft_start_checks_the_suppression_list_again()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string later = $"later-{Guid.NewGuid():N}@example.test";
        (_, JsonNode answer) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
        {
            name = "draft", subject = "S", body = "<p>x</p>", sender = "test", draft = true,
            recipients = new[] { new { email = "stays@example.test" }, new { email = later } },
        });
        string id = answer["id"]!.GetValue<string>();
        await app.UploadAsync($"/api/suppressions/{later}", string.Empty);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/start")).Status);
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal(1, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(1, status["counts"]!["suppressed"]!.GetValue<int>());
        Assert.Equal(["stays@example.test"], app.Smtp.Messages.SelectMany(m => m.Recipients));
    }

    [Fact]
    public async Task Scheduled_campaign_waits_shows_its_start_and_can_be_retimed()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        DateTimeOffset later = DateTimeOffset.UtcNow.AddMinutes(30);
        string id = await app.CreateCampaignAsync(new
        {
            name = "scheduled", subject = "S", body = "<p>x</p>", sender = "test", recipients = People(3),
            startAt = later.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        });

        await Task.Delay(1500);
        JsonNode status = await app.StatusAsync(id);
        Assert.Equal("Scheduled", State(status));
        Assert.Equal(later.ToUnixTimeSeconds(), status["startAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());
        Assert.Empty(app.Smtp.Messages);

        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/pause")).Status);
        (HttpStatusCode badTime, JsonNode problem) = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/reschedule", new { startAt = "2020-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, badTime);
        Assert.Contains("has passed", problem["errors"]!["startAt"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        DateTimeOffset soon = DateTimeOffset.UtcNow.AddSeconds(3);
        (HttpStatusCode retimed, _) = await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/reschedule", new
        {
            startAtLocal = new { localTime = TimeZoneInfo.ConvertTime(soon, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), timeZone = "Europe/Warsaw" },
        });
        Assert.Equal(HttpStatusCode.Accepted, retimed);
        Assert.Equal(soon.ToUnixTimeSeconds(), (await app.StatusAsync(id))["startAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());

        status = await app.WaitForEndAsync(id);
        Assert.Equal("Completed", State(status));
        Assert.Equal(3, app.Smtp.Messages.Count);
        Assert.True(app.Smtp.Messages.Min(m => m.At) >= soon.AddSeconds(-1), "sent before the new start time");
        Assert.True(status["startedAt"]!.GetValue<DateTimeOffset>() >= soon.AddSeconds(-1));
    }

    [Fact]
    public async Task Scheduled_campaign_cancelled_before_its_start_sends_nothing_and_marks_everyone_cancelled()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string id = await app.CreateCampaignAsync(new
        {
            name = "cancel", subject = "S", body = "<p>x</p>", sender = "test", recipients = People(4),
            startAtLocal = new { localTime = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), timeZone = "America/New_York" },
        });
        await WaitForStateAsync(app, id, "Scheduled");

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/cancel")).Status);
        JsonNode status = await WaitForStateAsync(app, id, "Cancelled");

        Assert.Equal(4, status["counts"]!["cancelled"]!.GetValue<int>());
        Assert.Equal(0, status["counts"]!["pending"]!.GetValue<int>());
        Assert.All(await app.RecipientsAsync(id), r => Assert.Equal("Cancelled", r["status"]!.GetValue<string>()));
        Assert.Empty(app.Smtp.Messages);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/reschedule", new { startNow = true })).Status);
    }

    [Fact]
    public async Task Start_times_in_the_past_are_refused_unless_start_now_is_asked()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        var past = new { name = "past", subject = "S", body = "<p>x</p>", sender = "test", recipients = People(1), startAt = "2026-01-05T09:00:00+01:00" };
        using HttpResponseMessage refused = await app.Http.PostAsJsonAsync("/api/campaigns", past);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("startNow", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using HttpResponseMessage noOffset = await app.Http.PostAsJsonAsync("/api/campaigns", past with { startAt = "2030-01-05T09:00:00" });
        Assert.Equal(HttpStatusCode.BadRequest, noOffset.StatusCode);

        using HttpResponseMessage badZone = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "zone", subject = "S", body = "<p>x</p>", sender = "test", recipients = People(1),
            startAtLocal = new { localTime = "2030-01-05T09:00", timeZone = "Mars/Olympus" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Contains("startAtLocal.timeZone", await badZone.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        string id = await app.CreateCampaignAsync(new { past.name, past.subject, past.body, past.sender, past.recipients, past.startAt, startNow = true });
        Assert.Equal("Completed", State(await app.WaitForEndAsync(id)));
        Assert.Single(app.Smtp.Messages);
    }

    [Fact]
    public async Task Pause_stops_sending_and_resume_sends_everyone_exactly_once()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        app.Smtp.SaveDelay = TimeSpan.FromMilliseconds(150);
        string id = await app.CreateCampaignAsync(new { name = "pause", subject = "S {{ n }}", body = "<p>{{ n }}</p>", sender = "test", packetSize = 10, recipients = People(40) });

        await WaitForMessagesAsync(app, 5);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/pause")).Status);
        JsonNode paused = await WaitForStateAsync(app, id, "Paused");
        int atPause = app.Smtp.Messages.Count;
        await Task.Delay(2000);

        Assert.Equal(atPause, app.Smtp.Messages.Count);
        Assert.True(atPause < 40, $"all {atPause} were sent before the pause took hold");
        Assert.Equal("Paused", State(await app.StatusAsync(id)));
        Assert.Equal(40 - atPause, (await app.RecipientsAsync(id)).Count(r => r["status"]!.GetValue<string>() == "Pending"));
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/reschedule", new { startNow = true })).Status);

        app.Smtp.SaveDelay = TimeSpan.Zero;
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/resume")).Status);
        JsonNode status = await WaitForStateAsync(app, id, "Completed");

        Assert.Equal("Completed", State(status));
        Assert.Equal(40, status["counts"]!["sent"]!.GetValue<int>());
        var addresses = app.Smtp.Messages.SelectMany(m => m.Recipients).ToList();
        Assert.Equal(40, addresses.Count);
        Assert.Equal(40, addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/resume")).Status);
        Assert.NotNull(paused["counts"]);
    }

    [Fact]
    public async Task A_slow_packet_does_not_hold_back_the_packets_after_it()
    {
        // Six packets of five, four at a time: the server holds the first packet's first recipient until the last two
        // packets have been received (at most 20 s). They must not wait for it: they start as soon as packets 2-4 end.
        TestSmtpServer? server = null;
        bool LastPacketsReceived() =>
            server?.Messages.Count(m => string.CompareOrdinal(m.Recipients[0], "person021@") >= 0) >= 10;
        await using MailMergeApp app = await MailMergeApp.StartAsync(refuse: address =>
        {
            if (address.StartsWith("person001@", StringComparison.OrdinalIgnoreCase))
            {
                SpinWait.SpinUntil(LastPacketsReceived, TimeSpan.FromSeconds(20));
            }

            return null;
        });
        server = app.Smtp;
        string id = await app.CreateCampaignAsync(new { name = "window", subject = "S {{ n }}", body = "<p>{{ n }}</p>", sender = "test", packetSize = 5, recipients = People(30) });
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Completed", State(status));
        Assert.Equal(30, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(6, status["packets"]!["done"]!.GetValue<int>());
        var received = app.Smtp.Messages.ToList();
        Assert.Equal(30, received.SelectMany(m => m.Recipients).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(30, received.Count);
        DateTimeOffset slow = received.Single(m => m.Recipients[0].StartsWith("person001@", StringComparison.Ordinal)).At;
        var lastPackets = received.Where(m => string.CompareOrdinal(m.Recipients[0], "person021@") >= 0).ToList();
        Assert.Equal(10, lastPackets.Count);
        Assert.All(lastPackets, m => Assert.True(m.At < slow, $"{m.Recipients[0]} arrived at {m.At:HH:mm:ss.fff}, after the slow packet's first message at {slow:HH:mm:ss.fff}"));
    }

    [Fact]
    public async Task Pause_in_the_middle_of_many_parallel_packets_and_resume_sends_everyone_exactly_once()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        app.Smtp.SaveDelay = TimeSpan.FromMilliseconds(40);
        string id = await app.CreateCampaignAsync(new { name = "pause-window", subject = "S {{ n }}", body = "<p>{{ n }}</p>", sender = "test", packetSize = 4, recipients = People(120) });

        await WaitForMessagesAsync(app, 30);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/pause")).Status);
        JsonNode paused = await WaitForStateAsync(app, id, "Paused");
        int atPause = app.Smtp.Messages.Count;
        Assert.True(atPause < 120, $"all {atPause} were sent before the pause took hold");
        await Task.Delay(1000);
        Assert.Equal(atPause, app.Smtp.Messages.Count);
        List<JsonNode> rows = await app.RecipientsAsync(id);
        Assert.Equal(atPause, rows.Count(r => r["status"]!.GetValue<string>() == "Sent"));
        Assert.Equal(120 - atPause, rows.Count(r => r["status"]!.GetValue<string>() == "Pending"));
        Assert.True(paused["counts"]!["sent"]!.GetValue<int>() <= atPause);

        app.Smtp.SaveDelay = TimeSpan.Zero;
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/resume")).Status);
        JsonNode status = await WaitForStateAsync(app, id, "Completed");

        Assert.Equal("Completed", State(status));
        Assert.Equal(120, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(0, status["counts"]!["pending"]!.GetValue<int>());
        Assert.Equal(30, status["packets"]!["done"]!.GetValue<int>());
        var addresses = app.Smtp.Messages.SelectMany(m => m.Recipients).ToList();
        Assert.Equal(120, addresses.Count);
        Assert.Equal(120, addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task Cancel_while_sending_stops_and_marks_the_unsent_rows_cancelled()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        app.Smtp.SaveDelay = TimeSpan.FromMilliseconds(150);
        string id = await app.CreateCampaignAsync(new { name = "cancel", subject = "S", body = "<p>{{ n }}</p>", sender = "test", packetSize = 5, intervalSeconds = 0.5, recipients = People(30) });
        await WaitForMessagesAsync(app, 3);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/cancel")).Status);
        JsonNode status = await WaitForStateAsync(app, id, "Cancelled");
        int atCancel = app.Smtp.Messages.Count;
        await Task.Delay(1500);

        Assert.Equal(atCancel, app.Smtp.Messages.Count);
        JsonNode counts = status["counts"]!;
        Assert.Equal(atCancel, counts["sent"]!.GetValue<int>());
        Assert.Equal(30 - atCancel, counts["cancelled"]!.GetValue<int>());
        Assert.True(counts["cancelled"]!.GetValue<int>() > 0);
        List<JsonNode> report = await app.RecipientsAsync(id);
        Assert.Equal(30, report.Count(r => r["status"]!.GetValue<string>() is "Sent" or "Cancelled"));
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{id}/pause")).Status);
    }
}
