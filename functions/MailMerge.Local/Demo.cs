using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MailMerge.Local;

/// <summary>
/// The sample campaign, the way a front end's e-mail wizard drives the API: starts the local host (Azurite and the
/// SMTP server must be running: `npm run demo` starts them), uploads the template, the recipient list and an
/// attachment, builds a draft with the wizard's options, shows its summary and preview, sends a test message, starts
/// it, follows its packets of 5 two seconds apart, prints the report, the delivery totals and the archive, saves the
/// received messages and stops the host.
/// </summary>
public static class Demo
{
    private const string Template = "bank-account-change";
    private const string List = "clients";
    private const string Attachment = "cennik-2027";
    private const string AttachmentFileName = "Cennik – 2027 (Łódź).pdf";
    private const string ArchiveFolder = "demo/bank-account-change";
    private const string Excluded = "softel.test";
    private const string Suppressed = "biuro@rapid.test";
    private const string TestAddress = "kontrola@crm-biuro.test";
    private const int StartDelaySeconds = 5;

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
        using HttpClient http = host.CreateClient();
        Console.WriteLine($"Local host on {host.BaseAddress} (API key for this run: {host.ApiKey})");
        try
        {
            return await WalkThroughAsync(new DemoApi(http), root, viewer);
        }
        catch (DemoFailedException ex)
        {
            Console.Error.WriteLine($"The demo stopped: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> WalkThroughAsync(DemoApi api, string root, string viewer)
    {
        string samples = Path.Combine(root, "tests", "samples");
        await UploadAsync(api, samples);
        string id = await CreateDraftAsync(api);
        await ShowSummaryAsync(api, id);
        await ShowPreviewAsync(api, id);

        JsonNode test = await api.PostAsync($"/api/campaigns/{id}/test", new { to = new[] { TestAddress } });
        Step(7, $"Test message sent to {TestAddress}: \"{test["subject"]}\" (line {test["line"]}, counted nowhere)");

        string startAt = DateTimeOffset.Now.AddSeconds(StartDelaySeconds).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        JsonNode started = await api.PostAsync($"/api/campaigns/{id}/start", new { startAt });
        Step(8, $"Start: {started["state"]} for {startAt} (in {StartDelaySeconds} s), then packets of 5 at least 2 s apart");
        JsonNode status = await FollowAsync(api, id);

        Step(9, "Report");
        JsonNode archive = await DemoReport.PrintAsync(api, id);
        JsonNode archived = archive["counts"]!;

        string folder = Path.Combine(root, ".demo", id);
        DemoMailbox.Saved saved = await DemoMailbox.SaveAsync(viewer, id, folder);
        Directory.CreateDirectory(folder);
        string? archivedCopy = null;
        long archivedBytes = 0;
        if (archive["items"]!.AsArray().FirstOrDefault()?["row"]?.GetValue<string>() is { } firstRow)
        {
            archivedCopy = Path.Combine(folder, $"archived-{firstRow}.eml");
            archivedBytes = await api.DownloadAsync($"/api/campaigns/{id}/archive/{firstRow}", archivedCopy);
        }

        string csv = Path.Combine(folder, "report.csv");
        await File.WriteAllTextAsync(csv, await api.GetTextAsync($"/api/campaigns/{id}/recipients?format=csv"));

        Console.WriteLine();
        Console.WriteLine($"Final state: {status["state"]}.");
        PrintSaved(saved, folder, viewer);
        if (archivedCopy is not null)
        {
            Console.WriteLine($"Archived copy:     {archivedCopy} ({archivedBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, byte for byte as sent)");
        }

        Console.WriteLine($"Report as CSV:     {csv}");
        bool complete = status["state"]!.GetValue<string>() == "Completed" && archived["archived"]!.GetValue<int>() == archived["sent"]!.GetValue<int>();
        return complete ? 0 : 1;
    }

    /// <summary>Steps 1 to 3: what the wizard uploads before it builds the campaign.</summary>
    private static async Task UploadAsync(DemoApi api, string samples)
    {
        JsonNode template = await api.PutFileAsync($"/api/templates/{Template}", Path.Combine(samples, "templates", "email", $"{Template}.html"), "text/html");
        Step(1, $"Template library: \"{template["name"]}\" stored ({Kilobytes(template["bytes"]!.GetValue<long>())}, ETag {template["etag"]})");

        JsonNode list = await api.PutFileAsync($"/api/recipient-lists/{List}", Path.Combine(samples, "contacts", "recipients.csv"), "text/csv");
        Step(2, $"Recipient list \"{List}\": {list["rows"]} rows, {list["valid"]} to send, {list["duplicates"]} duplicate, {list["invalid"]} invalid");

        JsonNode file = await api.PutFileAsync(
            $"/api/attachments/{Attachment}?fileName={Uri.EscapeDataString(AttachmentFileName)}", Path.Combine(samples, "attachments", $"{Attachment}.pdf"), "application/pdf");
        Step(3, $"Attachment \"{file["name"]}\": \"{file["fileName"]}\", {file["contentType"]}, {Bytes(file["bytes"]!)}");
    }

    /// <summary>
    /// Steps 4 and 5: one address on the suppression list, then the draft with the wizard's options. The suppression
    /// is taken off again once the draft is built (its row stays Suppressed), so a shared Azurite keeps its list.
    /// </summary>
    private static async Task<string> CreateDraftAsync(DemoApi api)
    {
        bool added = await api.FindAsync($"/api/suppressions/{Suppressed}") is null;
        if (added)
        {
            await api.PutJsonAsync($"/api/suppressions/{Suppressed}", new { reason = "unsubscribed" });
        }

        Step(4, $"Suppression list: {Suppressed} " + (added ? "added (taken off again once the draft is built)" : "already there (left as it is)"));
        try
        {
            JsonNode draft = await api.PostAsync("/api/campaigns", new
            {
                name = "Nowy rachunek bankowy (demo)",
                subject = "Zmiana rachunku bankowego – {{ company_name }}",
                bodyTemplate = Template,
                inlineCss = true,
                sender = "local",
                recipientList = List,
                exclusions = new[] { Excluded },
                attachments = new[] { Attachment },
                replyTo = new { mode = "accountManager" },
                archive = new { enabled = true, folder = ArchiveFolder },
                unsubscribeUrl = "https://crm-biuro.test/wypisz?k={{ client_number }}",
                packetSize = 5,
                intervalSeconds = 2,
                errorLimit = 0,
                draft = true,
            }, idempotencyKey: Guid.NewGuid().ToString());
            string id = draft["id"]!.GetValue<string>();
            Step(5, $"Campaign {id} stored as a {draft["state"]}: replies go to each recipient's account manager, {Excluded} is excluded,");
            Console.WriteLine($"    sent copies are archived in {ArchiveFolder}, every message carries the attachment and List-Unsubscribe, CSS is inlined");
            return id;
        }
        finally
        {
            if (added)
            {
                await api.DeleteAsync($"/api/suppressions/{Suppressed}");
            }
        }
    }

    private static async Task ShowSummaryAsync(DemoApi api, string id)
    {
        JsonNode summary = await api.GetAsync($"/api/campaigns/{id}/summary?list=removed");
        JsonNode counts = summary["counts"]!;
        Console.WriteLine($"    Summary: {counts["lines"]} lines, {counts["toSend"]} to send, {counts["removed"]} removed " +
            $"({counts["duplicates"]} duplicate, {counts["invalid"]} invalid, {counts["excluded"]} excluded, {counts["suppressed"]} suppressed):");
        foreach (JsonNode? line in summary["items"]!.AsArray())
        {
            Console.WriteLine($"      line {line!["line"],-3} {line["status"],-10} {line["email"],-28} {line["reason"]}");
        }
    }

    private static async Task ShowPreviewAsync(DemoApi api, string id)
    {
        JsonNode preview = await api.GetAsync($"/api/campaigns/{id}/preview");
        string html = preview["html"]!.GetValue<string>();
        int styled = html.Split(" style=\"").Length - 1;
        JsonArray empty = preview["emptyFields"]!.AsArray();
        Step(6, $"Preview for line {preview["line"]} ({preview["email"]}), nothing sent:");
        Console.WriteLine($"    Subject:      {preview["subject"]}");
        Console.WriteLine($"    Empty fields: {(empty.Count == 0 ? "none" : string.Join(", ", empty))}");
        Console.WriteLine($"    Body:         {Kilobytes(Encoding.UTF8.GetByteCount(html))} HTML with {styled} inlined style attributes, " +
            $"{Kilobytes(Encoding.UTF8.GetByteCount(preview["text"]!.GetValue<string>()))} plain text");
        foreach (JsonNode? file in preview["attachments"]!.AsArray())
        {
            Console.WriteLine($"    Attachment:   \"{file!["fileName"]}\" ({file["contentType"]}, {Bytes(file["bytes"]!)})");
        }
    }

    private static async Task<JsonNode> FollowAsync(DemoApi api, string id)
    {
        string last = string.Empty;
        while (true)
        {
            JsonNode status = await api.GetAsync($"/api/campaigns/{id}");
            JsonNode counts = status["counts"]!;
            string line = $"  {status["state"],-10} packets {status["packets"]!["done"]}/{status["packets"]!["total"]}  " +
                $"sent {counts["sent"]}  failed {counts["failed"]}  pending {counts["pending"]}  skipped {counts["skipped"]}";
            if (line != last)
            {
                Console.WriteLine($"    {DateTime.Now:HH:mm:ss}{line}");
                last = line;
            }

            if (status["state"]!.GetValue<string>() is not ("Scheduled" or "Sending"))
            {
                return status;
            }

            await Task.Delay(500);
        }
    }

    private static void PrintSaved(DemoMailbox.Saved saved, string folder, string viewer)
    {
        if (saved.Problem is not null)
        {
            Console.WriteLine($"Received messages: see {viewer} (could not copy them: {saved.Problem})");
            return;
        }

        Console.WriteLine($"Received messages: {saved.Messages.Count} + {saved.Tests.Count} test saved as .eml in {folder} " +
            $"(while the demo's smtp4dev runs, also at {viewer})");
        if (saved.Messages.Count > 0)
        {
            string first = saved.Messages.Order(StringComparer.Ordinal).First();
            Console.WriteLine($"    {DemoMailbox.CountComplete(saved.Messages, AttachmentFileName)} of {saved.Messages.Count} " +
                "carry Reply-To, List-Unsubscribe and the attachment; for example");
            Console.WriteLine($"    {Path.GetFileName(first)}: {DemoMailbox.Describe(first)}");
        }
    }

    private static void Step(int number, string text)
    {
        Console.WriteLine();
        Console.WriteLine($"{number}. {text}");
    }

    private static string Bytes(JsonNode bytes) => $"{bytes.GetValue<long>().ToString("N0", CultureInfo.InvariantCulture)} bytes";

    private static string Kilobytes(long bytes) => $"{(bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KB";

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
