using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests;

/// <summary>Hostile input through the HTTP API on Azurite: every bad value is a 400 problem naming the field, never a 500.</summary>
[Collection(LocalHostTests.Name)]
public class InputValidationTests
{
    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task Every_paged_list_answers_a_continuation_it_did_not_give_out_with_400_on_continuation()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string id = await app.CreateCampaignAsync(new
        {
            name = "c", subject = "S", body = "<p>x</p>", sender = "test", maxAttempts = 1,
            archive = new { enabled = true, folder = "cont/" + Guid.NewGuid().ToString("N")[..6] },
            recipients = new[] { new { email = "a@example.test" } },
        });
        await app.WaitForEndAsync(id);

        string[] lists =
        [
            "/api/templates", "/api/suppressions", "/api/journals/KOR/entries", $"/api/campaigns/{id}/archive",
            $"/api/campaigns/{id}/recipients", $"/api/campaigns/{id}/summary", "/api/contacts/search?q=lodz",
        ];
        foreach (string list in lists)
        {
            foreach (string token in new[] { "%00", "%EF%BF%BF", "%C3%A9", "a%0Ab" })
            {
                string url = list + (list.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "continuation=" + token;
                using HttpResponseMessage response = await app.Http.GetAsync(url);
                JsonObject problem = await ProblemAsync(response, HttpStatusCode.BadRequest, url);
                Assert.Equal(["continuation"], problem["errors"]!.AsObject().Select(e => e.Key));
            }
        }

        // A search token is base64url of a row key; this one decodes to a key that starts right but holds a NUL.
        using HttpResponseMessage forged = await app.Http.GetAsync("/api/contacts/search?q=lodz&continuation=bG9kegB4");
        Assert.Equal(["continuation"], (await ProblemAsync(forged, HttpStatusCode.BadRequest, "forged search token"))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_recipient_whose_merge_fields_do_not_fit_in_a_row_is_refused_inline_and_reported_invalid_from_a_list()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string big = new('x', 40_000);

        using (HttpResponseMessage inline = await app.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "big", subject = "S", body = "<p>{{ note }}</p>", sender = "test",
            recipients = new[] { new { email = "a@example.test", fields = new Dictionary<string, string> { ["note"] = big } } },
        }))
        {
            JsonObject problem = await ProblemAsync(inline, HttpStatusCode.BadRequest, "inline recipient with a 40,000-character field");
            Assert.Equal(["recipients[0].fields.note"], problem["errors"]!.AsObject().Select(e => e.Key));
        }

        using HttpResponseMessage upload = await app.Http.PutAsync("/api/recipient-lists/big", new StringContent($"email,note\na@example.test,{big}\nb@example.test,ok\n"));
        string uploaded = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.StatusCode == HttpStatusCode.OK, uploaded);
        Assert.Equal(1, JsonNode.Parse(uploaded)!["valid"]!.GetValue<int>());
        Assert.Equal(1, JsonNode.Parse(uploaded)!["invalid"]!.GetValue<int>());

        string id = await app.CreateCampaignAsync(new { name = "big", subject = "S", body = "<p>{{ note }}</p>", sender = "test", recipientList = "big" });
        JsonNode status = await app.WaitForEndAsync(id);
        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        List<JsonNode> rows = await app.RecipientsAsync(id);
        JsonNode skipped = Assert.Single(rows, r => r["email"]!.GetValue<string>() == "a@example.test");
        Assert.Equal("Invalid", skipped["status"]!.GetValue<string>());
        Assert.Contains("'note'", skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Sent", Assert.Single(rows, r => r["email"]!.GetValue<string>() == "b@example.test")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Names_times_attachments_and_csv_headers_from_the_attack_list_are_400_naming_the_field()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        async Task ExpectAsync(HttpResponseMessage response, string field, string what)
        {
            using (response)
            {
                JsonObject problem = await ProblemAsync(response, HttpStatusCode.BadRequest, what);
                Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
            }
        }

        // A name ending in a line break.
        await ExpectAsync(await app.Http.PutAsync("/api/templates/nl%0A", new StringContent("<p>x</p>")), "name", "template nl\\n");
        await ExpectAsync(await app.Http.PutAsync("/api/recipient-lists/nl%0A", new StringContent("email\na@example.test\n")), "name", "list nl\\n");
        await ExpectAsync(await app.Http.PostAsJsonAsync("/api/contacts/companies", new { id = "X\n", name = "Firma" }), "id", "company id X\\n");

        // A local start time whose instant is outside the calendar.
        foreach ((string local, string zone) in new[] { ("0001-01-01T00:00", "Europe/Warsaw"), ("9999-12-31T23:59", "America/New_York") })
        {
            await ExpectAsync(await app.Http.PostAsJsonAsync("/api/campaigns", new
            {
                name = "t", subject = "S", body = "<p>x</p>", sender = "test", recipients = new[] { new { email = "a@example.test" } },
                startAtLocal = new { localTime = local, timeZone = zone },
            }), "startAtLocal", $"startAtLocal {local} {zone}");
        }

        // Attachment media types and file names.
        async Task<HttpResponseMessage> PutAttachmentAsync(string query, string contentType)
        {
            var content = new ByteArrayContent("hello"u8.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return await app.Http.PutAsync("/api/attachments/plik" + query, content);
        }

        await ExpectAsync(await PutAttachmentAsync(string.Empty, "a/" + new string('b', 5000)), "Content-Type", "5,000-character subtype");
        await ExpectAsync(await PutAttachmentAsync(string.Empty, "text/plain; charset=\"x X-Evil: 1\""), "Content-Type", "charset with a header in it");
        await ExpectAsync(await PutAttachmentAsync("?fileName=faktura%E2%80%AEtxt.exe", "application/pdf"), "fileName", "RLO in the file name");
        await ExpectAsync(await PutAttachmentAsync("?fileName=a%E2%80%A8b.pdf", "application/pdf"), "fileName", "U+2028 in the file name");
        await ExpectAsync(await PutAttachmentAsync("?fileName=%C3%28.pdf", "application/pdf"), "fileName", "invalid percent-encoding");
        using (HttpResponseMessage kept = await PutAttachmentAsync("?fileName=%C5%81%C3%B3d%C5%BA.txt", "text/plain; charset=UTF-8; name=\"x\""))
        {
            string body = await kept.Content.ReadAsStringAsync();
            Assert.True(kept.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal("Łódź.txt", JsonNode.Parse(body)!["fileName"]!.GetValue<string>());
            Assert.Equal("text/plain; charset=utf-8", JsonNode.Parse(body)!["contentType"]!.GetValue<string>());
        }

        // CSV headers.
        await ExpectAsync(await app.Http.PutAsync("/api/recipient-lists/dup", new StringContent("email,name,name\na@example.test,A,B\n")), "body", "duplicate header");
        using (HttpResponseMessage headerOnly = await app.Http.PutAsync("/api/recipient-lists/hdr", new StringContent("email,name\n")))
        {
            JsonObject problem = await ProblemAsync(headerOnly, HttpStatusCode.BadRequest, "header-only CSV");
            Assert.Contains("at least one recipient", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}
