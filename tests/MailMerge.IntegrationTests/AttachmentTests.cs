using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MailMerge.Attachments;
using MailMerge.IntegrationTests.Infrastructure;
using MailMerge.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MailMerge.IntegrationTests;

/// <summary>Attachments through the HTTP API on Azurite and a real SMTP server: upload, freeze, send, limits, file names.</summary>
[Collection(LocalHostTests.Name)]
public class AttachmentTests
{
    private const string PolishName = "Umowa – załącznik nr 1 (Łódź).pdf";

    // Every test's app shares the one Azurite: names carry a prefix of their own so tests never see each other's uploads.
    private readonly string p = "t" + Guid.NewGuid().ToString("N")[..8] + "-";

    private static byte[] Bytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> UploadAsync(MailMergeApp app, string name, byte[] bytes, string? contentType, string? fileName = null)
    {
        string path = $"/api/attachments/{name}" + (fileName is null ? string.Empty : $"?fileName={Uri.EscapeDataString(fileName)}");
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        using HttpResponseMessage response = await app.Http.PutAsync(path, content);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    private static async Task UploadOkAsync(MailMergeApp app, string name, byte[] bytes, string contentType, string? fileName = null)
    {
        (HttpStatusCode status, JsonNode body) = await UploadAsync(app, name, bytes, contentType, fileName);
        Assert.True(status == HttpStatusCode.OK, $"PUT /api/attachments/{name}: {(int)status} {body.ToJsonString()}");
    }

    private static object[] Recipients(int count) =>
        Enumerable.Range(1, count).Select(i => (object)new { email = $"klient{i}@example.test", fields = new Dictionary<string, string> { ["n"] = $"{i}" } }).ToArray();

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostCampaignAsync(MailMergeApp app, object request)
    {
        using HttpResponseMessage response = await app.Http.PostAsJsonAsync("/api/campaigns", request, MailMergeJson.Options);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static IEnumerable<string> ErrorFields(JsonNode problem) => problem["errors"]!.AsObject().Select(e => e.Key);

    private static string ErrorOf(JsonNode problem, string field) => problem["errors"]![field]![0]!.GetValue<string>();

    private static byte[] Decoded(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private async Task<List<JsonNode>> ListedAsync(MailMergeApp app) =>
        JsonNode.Parse(await app.Http.GetStringAsync("/api/attachments"))!["items"]!.AsArray()
            .Select(i => i!).Where(i => i["name"]!.GetValue<string>().StartsWith(p, StringComparison.Ordinal)).ToList();

    private static List<MimePart> AttachmentsOf(MimeMessage message) => message.Attachments.OfType<MimePart>().ToList();

    [Fact]
    public async Task Attachments_are_stored_listed_read_back_and_deleted_with_their_polish_file_names()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        byte[] pdf = Bytes(40_000, 1);
        byte[] csv = Encoding.UTF8.GetBytes("imię;nazwisko\r\nŁucja;Żak\r\n");

        (HttpStatusCode put, JsonNode stored) = await UploadAsync(app, p + "umowa-1", pdf, "application/pdf", PolishName);
        Assert.Equal(HttpStatusCode.OK, put);
        Assert.Equal(PolishName, stored["fileName"]!.GetValue<string>());
        Assert.Equal("application/pdf", stored["contentType"]!.GetValue<string>());
        Assert.Equal(pdf.Length, stored["bytes"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), stored["sha256"]!.GetValue<string>());
        // Without Content-Type the type comes from the file name; without fileName the name is the resource name.
        (_, JsonNode guessed) = await UploadAsync(app, p + "lista.csv", csv, contentType: null);
        Assert.Equal("text/csv", guessed["contentType"]!.GetValue<string>());
        Assert.Equal(p + "lista.csv", guessed["fileName"]!.GetValue<string>());

        List<JsonNode> mine = await ListedAsync(app);
        Assert.Equal([p + "lista.csv", p + "umowa-1"], mine.Select(i => i["name"]!.GetValue<string>()));
        Assert.Equal(PolishName, mine[1]["fileName"]!.GetValue<string>());

        JsonNode one = JsonNode.Parse(await app.Http.GetStringAsync($"/api/attachments/{p}umowa-1"))!;
        Assert.Equal($"/api/attachments/{p}umowa-1?format=file", one["downloadUrl"]!.GetValue<string>());
        using (HttpResponseMessage file = await app.Http.GetAsync($"/api/attachments/{p}umowa-1?format=file"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal(PolishName, file.Content.Headers.ContentDisposition!.FileNameStar);
        }

        // Replacing keeps one attachment under the name, with the new content.
        await UploadOkAsync(app, p + "umowa-1", pdf[..100], "application/pdf", PolishName);
        Assert.Equal(100, JsonNode.Parse(await app.Http.GetStringAsync($"/api/attachments/{p}umowa-1"))!["bytes"]!.GetValue<long>());

        using (HttpResponseMessage deleted = await app.Http.DeleteAsync($"/api/attachments/{p}umowa-1"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"/api/attachments/{p}umowa-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"/api/attachments/{p}umowa-1?format=file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.DeleteAsync($"/api/attachments/{p}umowa-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Http.GetAsync($"/api/attachments/{p}lista.csv?format=zip")).StatusCode);
    }

    [Fact]
    public async Task Bad_uploads_are_refused_naming_the_field_and_a_file_over_10_MB_answers_413_with_the_limit()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        byte[] small = Bytes(10, 2);

        foreach ((string name, string? type, string? fileName, string field) in new (string, string?, string?, string)[]
        {
            ("-zla", "application/pdf", null, "name"),
            (p + "umowa", "application/pdf", "umowa\r\nBcc: x@example.test.pdf", "fileName"),
            (p + "umowa", "application/pdf", "../umowa.pdf", "fileName"),
            (p + "umowa", "application/x-www-form-urlencoded", "umowa.pdf", "Content-Type"),
            (p + "umowa", "multipart/mixed; boundary=b", "umowa.pdf", "Content-Type"),
        })
        {
            (HttpStatusCode status, JsonNode problem) = await UploadAsync(app, name, small, type, fileName);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal([field], ErrorFields(problem));
        }

        (HttpStatusCode empty, JsonNode emptyProblem) = await UploadAsync(app, p + "umowa", [], "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Equal(["body"], ErrorFields(emptyProblem));

        (HttpStatusCode tooLarge, JsonNode tooLargeProblem) = await UploadAsync(app, p + "umowa", new byte[(int)AttachmentLimits.MaxFileBytes + 1], "application/pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Equal(["body"], ErrorFields(tooLargeProblem));
        Assert.Contains("10 MB", ErrorOf(tooLargeProblem, "body"), StringComparison.Ordinal);
        Assert.Equal(AttachmentLimits.MaxFileBytes, tooLargeProblem["limitBytes"]!.GetValue<long>());

        // Exactly the limit is accepted; nothing refused above was stored.
        await UploadOkAsync(app, p + "najwiekszy", new byte[(int)AttachmentLimits.MaxFileBytes], "application/octet-stream");
        Assert.Equal([p + "najwiekszy"], (await ListedAsync(app)).Select(i => i["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_recipient_gets_each_attachment_once_byte_for_byte_and_the_bytes_are_loaded_once_per_campaign()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        CampaignAttachmentCache cache = app.Host.Services.GetRequiredService<CampaignAttachmentCache>();
        byte[] pdf = Bytes(300_001, 3);
        byte[] csv = Encoding.UTF8.GetBytes("imię;nazwisko\r\nŁucja;Żak\r\n");
        await UploadOkAsync(app, p + "umowa", pdf, "application/pdf", PolishName);
        await UploadOkAsync(app, p + "cennik", csv, "text/csv; charset=utf-8", "Cennik – październik.csv");
        int loadsBefore = cache.Loads;

        string id = await app.CreateCampaignAsync(new
        {
            name = "z załącznikami", subject = "Umowa {{ n }}", body = "<p>Dzień dobry {{ n }}</p>", sender = "test",
            packetSize = 2, attachments = new[] { p + "umowa", p + "cennik" }, recipients = Recipients(5),
        });
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(5, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(5, app.Smtp.Messages.Count);
        foreach (TestSmtpServer.Received received in app.Smtp.Messages)
        {
            Assert.Single(received.Recipients);
            var mixed = Assert.IsType<Multipart>(received.Message.Body);
            Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
            Assert.IsType<MultipartAlternative>(mixed[0]);
            List<MimePart> parts = AttachmentsOf(received.Message);
            Assert.Equal([PolishName, "Cennik – październik.csv"], parts.Select(p => p.FileName));
            Assert.Equal(pdf, Decoded(parts[0]));
            Assert.Equal(csv, Decoded(parts[1]));
            Assert.Equal(PolishName, parts[0].ContentType.Name);
            Assert.Equal("utf-8", parts[1].ContentType.Charset);

            // As the server received it: the RFC 2231 filename* and the RFC 2047 name, in 7-bit headers.
            string raw = Encoding.ASCII.GetString(received.Raw);
            Assert.Contains("filename*0*=utf-8''Umowa%20%E2%80%93%20za%C5%82%C4%85cznik", raw, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("application/pdf; name=\"=?utf-8?b?", raw, StringComparison.OrdinalIgnoreCase);
            string headers = raw.Split("\r\n\r\n").Single(b => b.Contains("Content-Type: application/pdf", StringComparison.Ordinal));
            Assert.True(Ascii.IsValid(headers), headers);
        }

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"klient{i}@example.test"), app.Smtp.Messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        Assert.Equal(3, status["packets"]!["total"]!.GetValue<int>());
        Assert.Equal(loadsBefore + 1, cache.Loads);

        JsonNode preview = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/preview"))!;
        JsonArray listed = preview["attachments"]!.AsArray();
        Assert.Equal([p + "umowa", p + "cennik"], listed.Select(a => a!["name"]!.GetValue<string>()));
        Assert.Equal(PolishName, listed[0]!["fileName"]!.GetValue<string>());
        Assert.Equal("application/pdf", listed[0]!["contentType"]!.GetValue<string>());
        Assert.Equal(pdf.Length, listed[0]!["bytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_campaign_keeps_the_attachments_it_froze_when_the_upload_is_replaced_or_deleted()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        byte[] first = Bytes(5_000, 4);
        await UploadOkAsync(app, p + "umowa", first, "application/pdf", PolishName);
        await UploadOkAsync(app, p + "regulamin", Bytes(700, 5), "application/pdf", "Regulamin.pdf");
        (HttpStatusCode created, JsonNode draft) = await PostCampaignAsync(app, new
        {
            name = "zamrożone", subject = "S", body = "<p>x</p>", sender = "test", draft = true,
            attachments = new[] { p + "umowa", p + "regulamin" }, recipients = Recipients(2),
        });
        Assert.Equal(HttpStatusCode.Created, created);
        string id = draft["id"]!.GetValue<string>();

        // A draft's PATCH freezes the uploads as they are then: here only "umowa" stays.
        using (HttpResponseMessage patched = await app.Http.PatchAsJsonAsync($"/api/campaigns/{id}", new { attachments = new[] { p + "umowa" } }))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        await UploadOkAsync(app, p + "umowa", Bytes(6_000, 6), "application/pdf", "Inna umowa.pdf");
        Assert.Equal(HttpStatusCode.NoContent, (await app.Http.DeleteAsync($"/api/attachments/{p}umowa")).StatusCode);
        using (HttpResponseMessage started = await app.Http.PostAsync($"/api/campaigns/{id}/start", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        await app.WaitForEndAsync(id);
        Assert.Equal(2, app.Smtp.Messages.Count);
        Assert.All(app.Smtp.Messages, m =>
        {
            MimePart part = Assert.Single(AttachmentsOf(m.Message));
            Assert.Equal(PolishName, part.FileName);
            Assert.Equal(first, Decoded(part));
        });
    }

    [Fact]
    public async Task A_campaign_naming_a_missing_attachment_or_carrying_over_20_MB_is_refused_naming_the_field()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        await UploadOkAsync(app, p + "umowa", Bytes(1_000, 7), "application/pdf");
        object Request(params string[] attachments) => new { name = "n", subject = "S", body = "<p>x</p>", sender = "test", attachments, recipients = Recipients(1) };

        (HttpStatusCode missing, JsonNode missingProblem) = await PostCampaignAsync(app, Request(p + "umowa", p + "brak"));
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(["attachments[1]"], ErrorFields(missingProblem));
        Assert.Contains($"'{p}brak'", ErrorOf(missingProblem, "attachments[1]"), StringComparison.Ordinal);

        (HttpStatusCode twice, JsonNode twiceProblem) = await PostCampaignAsync(app, Request(p + "umowa", p + "umowa"));
        Assert.Equal(HttpStatusCode.BadRequest, twice);
        Assert.Equal(["attachments[1]"], ErrorFields(twiceProblem));

        const int seven = 7 * 1024 * 1024;
        await UploadOkAsync(app, p + "duzy-1", new byte[seven], "application/octet-stream");
        await UploadOkAsync(app, p + "duzy-2", new byte[seven], "application/octet-stream");
        await UploadOkAsync(app, p + "duzy-3", new byte[seven], "application/octet-stream");
        (HttpStatusCode tooMuch, JsonNode tooMuchProblem) = await PostCampaignAsync(app, Request(p + "duzy-1", p + "duzy-2", p + "duzy-3"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch);
        Assert.Equal(["attachments"], ErrorFields(tooMuchProblem));
        Assert.Contains("21 MB", ErrorOf(tooMuchProblem, "attachments"), StringComparison.Ordinal);
        Assert.Contains("at most 20 MB", ErrorOf(tooMuchProblem, "attachments"), StringComparison.Ordinal);

        // Two of them fit, and nothing was sent for the refused requests.
        Assert.Empty(app.Smtp.Messages);
        string id = await app.CreateCampaignAsync(Request(p + "duzy-1", p + "duzy-2"));
        await app.WaitForEndAsync(id);
        Assert.Equal(2, AttachmentsOf(Assert.Single(app.Smtp.Messages).Message).Count);
    }

    [Fact]
    public async Task A_test_message_to_three_addresses_is_one_message_carrying_each_attachment_once()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        byte[] pdf = Bytes(120_000, 8);
        byte[] png = Bytes(3_000, 9);
        await UploadOkAsync(app, p + "umowa", pdf, "application/pdf", PolishName);
        await UploadOkAsync(app, p + "logo", png, "image/png", "Logo firmy.png");
        (HttpStatusCode created, JsonNode draft) = await PostCampaignAsync(app, new
        {
            name = "test", subject = "S {{ n }}", body = "<p>{{ n }}</p>", sender = "test", draft = true,
            attachments = new[] { p + "umowa", p + "logo" }, recipients = Recipients(2),
        });
        Assert.Equal(HttpStatusCode.Created, created);

        string[] testers = ["tester1@crm-biuro.test", "tester2@crm-biuro.test", "Tester Trzy <tester3@crm-biuro.test>"];
        using HttpResponseMessage sent = await app.Http.PostAsJsonAsync($"/api/campaigns/{draft["id"]!.GetValue<string>()}/test", new { to = testers });
        Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());

        TestSmtpServer.Received test = Assert.Single(app.Smtp.Messages);
        Assert.Equal(["tester1@crm-biuro.test", "tester2@crm-biuro.test", "tester3@crm-biuro.test"], test.Recipients.Order(StringComparer.Ordinal));
        Assert.Equal(3, test.Message.To.Mailboxes.Count());
        List<MimePart> parts = AttachmentsOf(test.Message);
        Assert.Equal([PolishName, "Logo firmy.png"], parts.Select(p => p.FileName));
        Assert.Equal(pdf, Decoded(parts[0]));
        Assert.Equal(png, Decoded(parts[1]));
    }

    [Fact]
    public async Task A_message_over_the_servers_SIZE_limit_fails_each_recipient_with_both_sizes_and_refuses_the_test_message()
    {
        const int limit = 64 * 1024;
        await using MailMergeApp app = await MailMergeApp.StartAsync(smtpMaxMessageSize: limit);
        await UploadOkAsync(app, p + "skan", Bytes(100_000, 10), "application/pdf", "Skan umowy.pdf");
        var request = new { name = "za duży", subject = "S", body = "<p>x</p>", sender = "test", attachments = new[] { p + "skan" }, recipients = Recipients(2) };

        string id = await app.CreateCampaignAsync(request);
        JsonNode status = await app.WaitForEndAsync(id);

        Assert.Equal(2, status["counts"]!["failed"]!.GetValue<int>());
        Assert.Empty(app.Smtp.Messages);
        Assert.DoesNotContain("MAIL", app.Smtp.Commands);
        Assert.All(await app.RecipientsAsync(id), r =>
        {
            Assert.Equal("Failed", r["status"]!.GetValue<string>());
            string reason = r["reason"]!.GetValue<string>();
            Assert.Contains("64 KB", reason, StringComparison.Ordinal);
            Assert.Contains($"{limit} bytes", reason, StringComparison.Ordinal);
            Assert.Contains("SIZE", reason, StringComparison.Ordinal);
        });

        (HttpStatusCode created, JsonNode draft) = await PostCampaignAsync(app, new { request.name, request.subject, request.body, request.sender, request.attachments, request.recipients, draft = true });
        Assert.Equal(HttpStatusCode.Created, created);
        using HttpResponseMessage test = await app.Http.PostAsJsonAsync($"/api/campaigns/{draft["id"]!.GetValue<string>()}/test", new { to = new[] { "tester@crm-biuro.test" } });
        JsonNode problem = JsonNode.Parse(await test.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, test.StatusCode);
        Assert.Equal(["attachments"], ErrorFields(problem));
        Assert.Contains($"{limit} bytes", ErrorOf(problem, "attachments"), StringComparison.Ordinal);
        Assert.Empty(app.Smtp.Messages);

        // Within the limit the same server takes the message.
        await UploadOkAsync(app, p + "maly", Bytes(10_000, 11), "application/pdf");
        string fits = await app.CreateCampaignAsync(request with { attachments = new[] { p + "maly" } });
        Assert.Equal(2, (await app.WaitForEndAsync(fits))["counts"]!["sent"]!.GetValue<int>());
    }
}
