using System.Globalization;
using System.Text.Json.Nodes;
using MimeKit;

namespace MailMerge.Local;

/// <summary>
/// The demo's view of what arrived: copies a campaign's messages out of the SMTP viewer (smtp4dev) as .eml files,
/// so they outlive the demo, and reads back what a mail client would see of them.
/// </summary>
internal static class DemoMailbox
{
    /// <summary>What was saved: the campaign's messages and the test message (null when the viewer could not be read).</summary>
    public sealed record Saved(IReadOnlyList<string> Messages, IReadOnlyList<string> Tests, string? Problem);

    /// <summary>Saves every message of the campaign as <c>&lt;to&gt;.eml</c>, test messages as <c>test-&lt;to&gt;.eml</c>.</summary>
    public static async Task<Saved> SaveAsync(string viewer, string campaignId, string folder)
    {
        var messages = new List<string>();
        var tests = new List<string>();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(viewer), Timeout = TimeSpan.FromSeconds(20) };
            JsonNode list = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/messages?pageSize=1000", UriKind.Relative)))!;
            JsonArray found = list["results"]?.AsArray() ?? list.AsArray();
            Directory.CreateDirectory(folder);
            foreach (JsonNode? message in found)
            {
                string raw = await http.GetStringAsync(new Uri($"/api/messages/{message!["id"]}/raw", UriKind.Relative));
                if (!raw.Contains(campaignId, StringComparison.Ordinal))
                {
                    continue;
                }

                bool test = raw.Contains("\nX-MailMerge-Test: true", StringComparison.Ordinal);
                string to = string.Join("_", message["to"]!.AsArray().Select(t => t!.GetValue<string>())).Replace('@', '_');
                string path = Path.Combine(folder, $"{(test ? "test-" : string.Empty)}{to}.eml");
                await File.WriteAllTextAsync(path, raw);
                (test ? tests : messages).Add(path);
            }

            return new Saved(messages, tests, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Saved(messages, tests, ex.Message);
        }
    }

    /// <summary>One line on a saved message: its Reply-To, List-Unsubscribe and attachments as a mail client reads them.</summary>
    public static string Describe(string path)
    {
        MimeMessage message = MimeMessage.Load(path);
        string attachments = string.Join(", ", message.Attachments.OfType<MimePart>().Select(part =>
        {
            using var decoded = new MemoryStream();
            part.Content?.DecodeTo(decoded);
            return $"\"{part.FileName}\" ({decoded.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)";
        }));
        return $"Reply-To: {Value(message.ReplyTo.ToString())}; List-Unsubscribe: {Value(message.Headers[HeaderId.ListUnsubscribe])}; " +
            $"attachments: {Value(attachments)}";
    }

    /// <summary>How many of the saved messages carry Reply-To, List-Unsubscribe and exactly the attachment named <paramref name="fileName"/>.</summary>
    public static int CountComplete(IEnumerable<string> paths, string fileName) => paths.Count(path =>
    {
        MimeMessage message = MimeMessage.Load(path);
        return message.ReplyTo.Count == 1 && message.Headers.Contains(HeaderId.ListUnsubscribe) &&
            message.Attachments.OfType<MimePart>().Select(p => p.FileName).SequenceEqual([fileName]);
    });

    private static string Value(string? text) => string.IsNullOrEmpty(text) ? "(none)" : text;
}
