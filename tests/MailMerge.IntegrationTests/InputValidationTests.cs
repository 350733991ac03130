using System.Net;
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
}
