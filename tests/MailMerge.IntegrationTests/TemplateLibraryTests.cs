using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MailMerge.IntegrationTests.Infrastructure;
using MailMerge.Json;

namespace MailMerge.IntegrationTests;

/// <summary>The HTML template library (list, read, conditional replace, delete), frozen campaign bodies and CSS inlining, through the HTTP API on Azurite and a real SMTP server.</summary>
[Collection(LocalHostTests.Name)]
public class TemplateLibraryTests
{
    private const string Marker = """<meta name="mailmerge-inline-css" content="true">""";

    private static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..12]}";

    private static async Task<HttpResponseMessage> PutAsync(MailMergeApp app, string name, string html, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{name}") { Content = new StringContent(html, Encoding.UTF8, "text/html") };
        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return await app.Http.SendAsync(request);
    }

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(body)!;
    }

    private static string ETag(HttpResponseMessage response) => response.Headers.ETag!.ToString();

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

    private static object[] Recipients(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => (object)new
        {
            email = $"{prefix}{i}@example.test",
            fields = new Dictionary<string, string> { ["name"] = $"Nowak & Syn {i}", ["company_name"] = "Biuro <Łódź> & Syn", ["details_url"] = "https://crm.example/z?a=1&b=2" },
        }).ToArray();

    [Fact]
    public async Task Templates_are_created_replaced_only_by_their_current_etag_listed_read_and_deleted()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string name = Unique("lib");

        using HttpResponseMessage created = await PutAsync(app, name, "<p>Wersja 1 {{ name }}</p>");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/templates/{name}", created.Headers.Location!.ToString());
        JsonNode createdBody = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal(ETag(created), createdBody["etag"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetByteCount("<p>Wersja 1 {{ name }}</p>"), createdBody["bytes"]!.GetValue<int>());
        Assert.False(createdBody["inlineCss"]!.GetValue<bool>());

        using HttpResponseMessage replaced = await PutAsync(app, name, "<p>Wersja 2 – żółw {{ name }}</p>");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        string second = ETag(replaced);
        Assert.NotEqual(ETag(created), second);

        JsonNode stale = await ProblemAsync(await PutAsync(app, name, "<p>Wersja 3</p>", ("If-Match", ETag(created))), HttpStatusCode.PreconditionFailed);
        Assert.NotNull(stale["errors"]!["If-Match"]);
        JsonNode exists = await ProblemAsync(await PutAsync(app, name, "<p>Wersja 3</p>", ("If-None-Match", "*")), HttpStatusCode.PreconditionFailed);
        Assert.NotNull(exists["errors"]!["If-None-Match"]);
        await ProblemAsync(await PutAsync(app, name, "<p>Wersja 3</p>", ("If-Match", "0x-not-quoted")), HttpStatusCode.BadRequest);

        using HttpResponseMessage read = await app.Http.GetAsync($"/api/templates/{name}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("text/html", read.Content.Headers.ContentType!.MediaType);
        Assert.Equal("<p>Wersja 2 – żółw {{ name }}</p>", await read.Content.ReadAsStringAsync());
        Assert.Equal(second, ETag(read));
        Assert.NotNull(read.Content.Headers.LastModified);

        using var conditionalGet = new HttpRequestMessage(HttpMethod.Get, $"/api/templates/{name}");
        conditionalGet.Headers.TryAddWithoutValidation("If-None-Match", second);
        using HttpResponseMessage notModified = await app.Http.SendAsync(conditionalGet);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using HttpResponseMessage third = await PutAsync(app, name, "<p>Wersja 3 {{ name }}</p>", ("If-Match", second));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        string current = ETag(third);

        string other = Unique("lib-only-new");
        using HttpResponseMessage createOnly = await PutAsync(app, other, "<p>Nowy</p>", ("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.Created, createOnly.StatusCode);
        // If-Match cannot match a template that does not exist: 412 naming the header (RFC 9110), and nothing is created.
        foreach (string tag in new[] { current, "*" })
        {
            string missing = Unique("lib-missing");
            JsonNode precondition = await ProblemAsync(await PutAsync(app, missing, "<p>x</p>", ("If-Match", tag)), HttpStatusCode.PreconditionFailed);
            Assert.Equal(["If-Match"], precondition["errors"]!.AsObject().Select(e => e.Key));
            await ProblemAsync(await app.Http.GetAsync($"/api/templates/{missing}"), HttpStatusCode.NotFound);
        }

        var listed = new List<JsonNode>();
        string? next = "/api/templates?pageSize=1";
        int pages = 0;
        while (next is not null)
        {
            JsonNode page = JsonNode.Parse(await app.Http.GetStringAsync(next))!;
            Assert.True(page["items"]!.AsArray().Count <= 1);
            listed.AddRange(page["items"]!.AsArray().Select(n => n!));
            next = page["next"]?.GetValue<string>();
            pages++;
        }

        Assert.True(pages >= 2, $"{pages} pages");
        JsonNode mine = listed.Single(t => t["name"]!.GetValue<string>() == name);
        Assert.Equal(current, mine["etag"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetByteCount("<p>Wersja 3 {{ name }}</p>"), mine["bytes"]!.GetValue<int>());
        Assert.True(DateTimeOffset.UtcNow - mine["lastModified"]!.GetValue<DateTimeOffset>() < TimeSpan.FromMinutes(5));
        Assert.Single(listed, t => t["name"]!.GetValue<string>() == other);
        Assert.Equal(listed.Select(t => t["name"]!.GetValue<string>()).Order(StringComparer.Ordinal), listed.Select(t => t["name"]!.GetValue<string>()));
        await ProblemAsync(await app.Http.GetAsync("/api/templates?pageSize=0"), HttpStatusCode.BadRequest);

        using var staleDelete = new HttpRequestMessage(HttpMethod.Delete, $"/api/templates/{name}");
        staleDelete.Headers.TryAddWithoutValidation("If-Match", second);
        await ProblemAsync(await app.Http.SendAsync(staleDelete), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync($"/api/templates/{name}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Http.DeleteAsync($"/api/templates/{name}")).StatusCode);
        await ProblemAsync(await app.Http.DeleteAsync($"/api/templates/{name}"), HttpStatusCode.NotFound);
        JsonNode gone = await ProblemAsync(await app.Http.GetAsync($"/api/templates/{name}"), HttpStatusCode.NotFound);
        Assert.Contains(name, gone["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        JsonNode badName = await ProblemAsync(await app.Http.GetAsync("/api/templates/-bad"), HttpStatusCode.BadRequest);
        Assert.NotNull(badName["errors"]!["name"]);
    }

    [Fact]
    public async Task Campaigns_keep_sending_the_template_they_were_created_with_after_it_is_replaced_or_deleted()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string name = Unique("frozen");
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app, name, "<p>Oryginał dla {{ name }}</p>")).StatusCode);

        string startAt = DateTimeOffset.UtcNow.AddSeconds(8).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        string scheduled = await app.CreateCampaignAsync(new
        {
            name = "zaplanowana", subject = "S {{ name }}", bodyTemplate = name, sender = "test", recipients = Recipients("scheduled", 2), startAt,
        });
        (HttpStatusCode draftStatus, JsonNode draftBody) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
        {
            name = "szkic", subject = "D {{ name }}", bodyTemplate = name, sender = "test", recipients = Recipients("draft", 2), draft = true,
        });
        Assert.Equal(HttpStatusCode.Created, draftStatus);
        string draft = draftBody["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(app, name, "<p>Zmieniony dla {{ name }}</p>")).StatusCode);
        Assert.Equal("Scheduled", (await app.StatusAsync(scheduled))["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await app.Http.DeleteAsync($"/api/templates/{name}")).StatusCode);

        // Changing the draft's subject keeps its body; naming the (now deleted) template again is what reloads it.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{draft}", new { subject = "Szkic {{ name }}" })).Status);
        (HttpStatusCode reload, JsonNode reloadProblem) = await SendAsync(app, HttpMethod.Patch, $"/api/campaigns/{draft}", new { bodyTemplate = name });
        Assert.Equal(HttpStatusCode.BadRequest, reload);
        Assert.NotNull(reloadProblem["errors"]!["bodyTemplate"]);
        JsonNode preview = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{draft}/preview"))!;
        Assert.Equal("<p>Oryginał dla Nowak &amp; Syn 1</p>", preview["html"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, HttpMethod.Post, $"/api/campaigns/{draft}/start")).Status);

        Assert.Equal("Completed", (await app.WaitForEndAsync(scheduled))["state"]!.GetValue<string>());
        Assert.Equal("Completed", (await app.WaitForEndAsync(draft))["state"]!.GetValue<string>());
        var received = app.Smtp.Messages.ToList();
        Assert.Equal(4, received.Count);
        Assert.All(received, m => Assert.StartsWith("<p>Oryginał dla Nowak &amp; Syn ", m.Message.HtmlBody!, StringComparison.Ordinal));
        Assert.Equal(2, received.Count(m => m.Message.Subject!.StartsWith("Szkic ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_template_that_asks_for_css_inlining_is_sent_with_inline_styles_and_encoded_merge_values()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string name = Unique("inline");
        string marked = Samples.BankTemplate.Replace("<head>", "<head>\n    " + Marker, StringComparison.Ordinal);
        using HttpResponseMessage upload = await PutAsync(app, name, marked);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.True(JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["inlineCss"]!.GetValue<bool>());
        Assert.Equal(marked, await app.Http.GetStringAsync($"/api/templates/{name}"));

        string id = await app.CreateCampaignAsync(new
        {
            name = "inline", subject = "Zmiana – {{ company_name }}", bodyTemplate = name, sender = "test", recipients = Recipients("inline", 2),
        });
        JsonNode preview = JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{id}/preview"))!;
        Assert.Matches("""<td class="wrapper" style="[^"]*padding: 24px""", preview["html"]!.GetValue<string>());

        Assert.Equal("Completed", (await app.WaitForEndAsync(id))["state"]!.GetValue<string>());
        var received = app.Smtp.Messages.ToList();
        Assert.Equal(2, received.Count);
        string html = received.Single(m => m.Recipients.Contains("inline1@example.test")).Message.HtmlBody!;
        Assert.Equal(preview["html"]!.GetValue<string>(), html);
        Assert.Matches("""<td class="wrapper" style="[^"]*padding: 24px""", html);
        Assert.Matches("""<p style="[^"]*margin-bottom: 16px[^"]*">informujemy, że od 1 stycznia składki firmy Biuro &lt;Łódź&gt; &amp; Syn""", html);
        Assert.Contains("""<a href="https://crm.example/z?a=1&amp;b=2" target="_blank" style=""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GLOBAL RESETS", html, StringComparison.Ordinal);
        Assert.Contains("@media only screen and (max-width: 640px)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_campaign_field_inline_css_turns_inlining_on_or_off_whatever_the_template_says()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string plain = Unique("plain");
        string marked = Unique("marked");
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app, plain, Samples.BankTemplate)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app, marked, Samples.BankTemplate.Replace("<head>", "<head>" + Marker, StringComparison.Ordinal))).StatusCode);

        async Task<string> PreviewHtmlAsync(string template, bool? inlineCss)
        {
            (HttpStatusCode status, JsonNode body) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
            {
                name = "p", subject = "s", bodyTemplate = template, sender = "test", recipients = Recipients("p", 1), draft = true, inlineCss,
            });
            Assert.Equal(HttpStatusCode.Created, status);
            return JsonNode.Parse(await app.Http.GetStringAsync($"/api/campaigns/{body["id"]!.GetValue<string>()}/preview"))!["html"]!.GetValue<string>();
        }

        static bool Inlined(string html) => Regex.IsMatch(html, """<td class="wrapper" style=""") && !html.Contains("GLOBAL RESETS", StringComparison.Ordinal);

        Assert.False(Inlined(await PreviewHtmlAsync(plain, null)));
        Assert.True(Inlined(await PreviewHtmlAsync(plain, true)));
        Assert.True(Inlined(await PreviewHtmlAsync(marked, null)));
        Assert.False(Inlined(await PreviewHtmlAsync(marked, false)));
    }

    [Fact]
    public async Task Inlining_that_cannot_keep_the_liquid_tags_is_refused_naming_the_field()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        const string brand = "<html><head><style>.brand { color: {{ brand_color }}; }</style></head><body><p class=\"brand\">{{ name }}</p></body></html>";

        (HttpStatusCode inline, JsonNode inlineProblem) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
        {
            name = "x", subject = "s", body = brand, sender = "test", recipients = Recipients("bad", 1), inlineCss = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, inline);
        Assert.Contains("<style>", inlineProblem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        string name = Unique("brand");
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app, name, brand)).StatusCode);
        (HttpStatusCode library, JsonNode libraryProblem) = await SendAsync(app, HttpMethod.Post, "/api/campaigns", new
        {
            name = "x", subject = "s", bodyTemplate = name, sender = "test", recipients = Recipients("bad", 1), inlineCss = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, library);
        Assert.Contains("line 1, column 36", libraryProblem["errors"]!["bodyTemplate"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        JsonNode upload = await ProblemAsync(await PutAsync(app, Unique("brand-marked"), brand.Replace("<head>", "<head>" + Marker, StringComparison.Ordinal)), HttpStatusCode.BadRequest);
        Assert.Contains("CSS inlining", upload["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
