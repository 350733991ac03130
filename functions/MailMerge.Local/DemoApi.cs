using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MailMerge.Json;

namespace MailMerge.Local;

/// <summary>
/// The demo's calls to the API, as a front end makes them: each answers the JSON body, or stops the demo with a
/// <see cref="DemoFailedException"/> naming the request and the answer.
/// </summary>
internal sealed class DemoApi(HttpClient http)
{
    /// <summary>GET; the answer must be a success.</summary>
    public Task<JsonNode> GetAsync(string path) => SendAsync(HttpMethod.Get, path, content: null);

    /// <summary>GET of a text answer (CSV).</summary>
    public async Task<string> GetTextAsync(string path)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw Failed(HttpMethod.Get, path, response.StatusCode, body);
    }

    /// <summary>GET that may find nothing: null on 404.</summary>
    public async Task<JsonNode?> FindAsync(string path)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(HttpMethod.Get, path, response);
    }

    /// <summary>POST of a JSON body (or none).</summary>
    public Task<JsonNode> PostAsync(string path, object? body = null, string? idempotencyKey = null)
    {
        var content = body is null ? null : JsonContent.Create(body, options: MailMergeJson.Options);
        return SendAsync(HttpMethod.Post, path, content, idempotencyKey);
    }

    /// <summary>PUT of a JSON body.</summary>
    public Task<JsonNode> PutJsonAsync(string path, object body) =>
        SendAsync(HttpMethod.Put, path, JsonContent.Create(body, options: MailMergeJson.Options));

    /// <summary>PUT of a file's bytes, with its media type when given.</summary>
    public async Task<JsonNode> PutFileAsync(string path, string file, string? mediaType = null)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        return await SendAsync(HttpMethod.Put, path, content);
    }

    /// <summary>DELETE; 204 is the only answer that will do.</summary>
    public async Task DeleteAsync(string path)
    {
        using HttpResponseMessage response = await http.DeleteAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw Failed(HttpMethod.Delete, path, response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>GET of a file, saved where <paramref name="target"/> says; answers its size.</summary>
    public async Task<long> DownloadAsync(string path, string target)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw Failed(HttpMethod.Get, path, response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        await using (FileStream file = File.Create(target))
        {
            await response.Content.CopyToAsync(file);
        }

        return new FileInfo(target).Length;
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        return await ReadAsync(method, path, response);
    }

    private static async Task<JsonNode> ReadAsync(HttpMethod method, string path, HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw Failed(method, path, response.StatusCode, body);
        }

        return JsonNode.Parse(body) ?? throw Failed(method, path, response.StatusCode, "(no JSON body)");
    }

    private static DemoFailedException Failed(HttpMethod method, string path, HttpStatusCode status, string body) =>
        new($"{method} {path.Split('?')[0]} answered {(int)status}: {body}");
}
