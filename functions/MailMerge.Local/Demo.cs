using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MailMerge.Local;

/// <summary>
/// The sample campaign: starts the local host (Azurite and the SMTP server must be running: `npm run demo`
/// starts them), uploads the sample template and recipient list, sends in packets of 5 two seconds apart,
/// shows progress, prints the report, saves the received messages and stops the host.
/// </summary>
public static class Demo
{
    /// <summary>Runs the demo; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string root = FindRepoRoot();
        string viewer = Environment.GetEnvironmentVariable("MAILMERGE_DEMO_VIEWER") ?? "http://127.0.0.1:5080";
        var settings = new Dictionary<string, string?>
        {
            ["MailMerge:ApiKey"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["MailMerge:Local:Urls"] = "http://127.0.0.1:0",
            ["MailMerge:TaskHub"] = "demo" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            ["Logging:LogLevel:MailMerge"] = "Warning",
        };

        await using LocalHost host = await LocalHost.StartAsync(args, settings);
        using HttpClient api = host.CreateClient();
        Console.WriteLine($"Local host on {host.BaseAddress} (API key for this run: {host.ApiKey})");

        await PutAsync(api, "/api/templates/bank-account-change", Path.Combine(root, "tests", "samples", "templates", "email", "bank-account-change.html"));
        JsonNode list = await PutAsync(api, "/api/recipient-lists/clients", Path.Combine(root, "tests", "samples", "contacts", "recipients.csv"));
        Console.WriteLine($"Recipient list: {list["rows"]} rows, {list["valid"]} to send, {list["duplicates"]} duplicate, {list["invalid"]} invalid.");

        using HttpResponseMessage created = await api.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Nowy rachunek bankowy (demo)",
            subject = "Zmiana rachunku bankowego – {{ company_name }}",
            bodyTemplate = "bank-account-change",
            sender = "local",
            recipientList = "clients",
            packetSize = 5,
            intervalSeconds = 2,
            errorLimit = 0,
        });
        string createdBody = await created.Content.ReadAsStringAsync();
        if (!created.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"The campaign was refused: {(int)created.StatusCode} {createdBody}");
            return 1;
        }

        string id = JsonNode.Parse(createdBody)!["id"]!.GetValue<string>();
        Console.WriteLine($"Campaign {id} accepted; packets of 5, at least 2 s apart.");
        JsonNode status = await FollowAsync(api, id);
        await PrintReportAsync(api, id);

        string folder = Path.Combine(root, ".demo", id);
        string saved = await SaveReceivedAsync(viewer, id, folder);
        string report = Path.Combine(folder, "report.csv");
        await File.WriteAllTextAsync(report, await api.GetStringAsync($"/api/campaigns/{id}/recipients?format=csv"));
        Console.WriteLine();
        Console.WriteLine($"Final state: {status["state"]}.");
        Console.WriteLine($"Received messages: {saved}");
        Console.WriteLine($"Report as CSV:     {report}");
        return status["state"]!.GetValue<string>() == "Completed" ? 0 : 1;
    }

    private static async Task<JsonNode> PutAsync(HttpClient api, string path, string file)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        using HttpResponseMessage response = await api.PutAsync(path, content);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} failed: {(int)response.StatusCode} {body}");
        }

        return JsonNode.Parse(body)!;
    }

    private static async Task<JsonNode> FollowAsync(HttpClient api, string id)
    {
        string last = string.Empty;
        while (true)
        {
            JsonNode status = JsonNode.Parse(await api.GetStringAsync($"/api/campaigns/{id}"))!;
            JsonNode counts = status["counts"]!;
            string line = $"  {status["state"],-10} packets {status["packets"]!["done"]}/{status["packets"]!["total"]}  " +
                $"sent {counts["sent"]}  failed {counts["failed"]}  pending {counts["pending"]}  skipped {counts["skipped"]}";
            if (line != last)
            {
                Console.WriteLine($"{DateTime.Now:HH:mm:ss}{line}");
                last = line;
            }

            if (status["state"]!.GetValue<string>() is not ("Scheduled" or "Sending"))
            {
                return status;
            }

            await Task.Delay(500);
        }
    }

    private static async Task PrintReportAsync(HttpClient api, string id)
    {
        Console.WriteLine();
        Console.WriteLine($"{"line",4}  {"status",-9}  {"address",-46}  detail");
        for (string? next = $"/api/campaigns/{id}/recipients?pageSize=500"; next is not null;)
        {
            JsonNode page = JsonNode.Parse(await api.GetStringAsync(next))!;
            foreach (JsonNode? row in page["items"]!.AsArray())
            {
                string detail = row!["status"]!.GetValue<string>() == "Sent"
                    ? (row["missingFields"] is { } missing ? $"empty fields: {missing}" : string.Empty)
                    : row["smtpCode"] is { } code ? $"{code} {row["smtpText"]}" : row["reason"]?.GetValue<string>() ?? string.Empty;
                string mailbox = row["name"] is { } name ? new MimeKit.MailboxAddress(name.GetValue<string>(), row["email"]!.GetValue<string>()).ToString() : row["email"]!.GetValue<string>();
                Console.WriteLine($"{row["line"],4}  {row["status"],-9}  {mailbox,-46}  {detail}");
            }

            next = page["next"]?.GetValue<string>();
        }
    }

    /// <summary>Copies the campaign's messages out of the SMTP viewer (smtp4dev) as .eml files, so they outlive the demo.</summary>
    private static async Task<string> SaveReceivedAsync(string viewer, string campaignId, string folder)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(viewer), Timeout = TimeSpan.FromSeconds(20) };
            JsonNode list = JsonNode.Parse(await http.GetStringAsync("/api/messages?pageSize=1000"))!;
            JsonArray messages = list["results"]?.AsArray() ?? list.AsArray();
            Directory.CreateDirectory(folder);
            int count = 0;
            foreach (JsonNode? message in messages)
            {
                string raw = await http.GetStringAsync($"/api/messages/{message!["id"]}/raw");
                if (raw.Contains(campaignId, StringComparison.Ordinal))
                {
                    string to = string.Join("_", message["to"]!.AsArray().Select(t => t!.GetValue<string>())).Replace('@', '_');
                    await File.WriteAllTextAsync(Path.Combine(folder, $"{to}.eml"), raw);
                    count++;
                }
            }

            return $"{count} saved as .eml in {folder} (while the demo's smtp4dev runs, also at {viewer})";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return $"see {viewer} (could not copy them: {ex.Message})";
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailMerge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the demo from inside the MailMerge repository (the folder with MailMerge.sln).");
    }
}
