using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests.Contacts;

/// <summary>
/// One local host for the contact tests, with the sample contact store imported under ids of its own
/// (<c>C003</c> becomes <c>t1a2b3c4-C003</c>), so runs and other tests sharing the Azurite do not meet.
/// </summary>
public sealed class ContactsFixture : IAsyncLifetime
{
    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..8] + "-";

    internal MailMergeApp App { get; private set; } = null!;

    public HttpClient Http => App.Http;

    public JsonNode Imported { get; private set; } = null!;

    public string Id(string sampleId) => Prefix + sampleId;

    /// <summary>The sample file with every id prefixed.</summary>
    public string SampleJson() => Samples.Read("contacts", "companies.json").Replace("\"C0", "\"" + Prefix + "C0", StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        App = await MailMergeApp.StartAsync();
        using HttpResponseMessage response = await Http.PostAsync("/api/contacts/import", new StringContent(SampleJson(), Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Imported = JsonNode.Parse(body)!;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<JsonNode> PostAsync(string path, object body, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using HttpResponseMessage response = await Http.PostAsJsonAsync(path, body, Json.MailMergeJson.Options);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Every hit of a search, following the continuation to the end.</summary>
    public async Task<List<JsonNode>> SearchAllAsync(string query)
    {
        var hits = new List<JsonNode>();
        string? next = "/api/contacts/search?" + query;
        while (next is not null)
        {
            using HttpResponseMessage response = await Http.GetAsync(next);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            JsonNode page = JsonNode.Parse(text)!;
            hits.AddRange(page["items"]!.AsArray().Select(n => n!));
            next = page["next"]?.GetValue<string>();
        }

        return hits;
    }
}
