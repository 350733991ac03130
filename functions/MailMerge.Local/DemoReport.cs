using System.Text.Json.Nodes;

namespace MailMerge.Local;

/// <summary>The demo's last step: every recipient's outcome, the counts by status, the delivery totals and the archive.</summary>
internal static class DemoReport
{
    /// <summary>Prints the report of campaign <paramref name="id"/>; answers the first page of its archive list.</summary>
    public static async Task<JsonNode> PrintAsync(DemoApi api, string id)
    {
        await PrintRecipientsAsync(api, id);
        JsonNode report = await api.GetAsync($"/api/campaigns/{id}/report");
        JsonObject byStatus = report["byStatus"]!.AsObject();
        JsonNode delivery = report["delivery"]!;
        Console.WriteLine();
        Console.WriteLine($"    By status: {string.Join(", ", byStatus.Where(s => s.Value!.GetValue<int>() > 0).Select(s => $"{s.Key} {s.Value}"))}");
        Console.WriteLine($"    Delivery:  {delivery["connections"]} SMTP connections, {delivery["retries"]} retries " +
            $"(up to {delivery["maxAttempts"]} attempts per recipient on a 4xx reply)");

        JsonNode archive = await api.GetAsync($"/api/campaigns/{id}/archive?pageSize=1000");
        JsonNode counts = archive["counts"]!;
        Console.WriteLine($"    Archive:   {counts["archived"]} of {counts["sent"]} sent messages stored as .eml in Blob storage, folder {archive["folder"]};");
        Console.WriteLine($"               {counts["imapAppended"]} appended to an IMAP Sent folder (the sender \"local\" has no IMAP settings)");
        return archive;
    }

    private static async Task PrintRecipientsAsync(DemoApi api, string id)
    {
        Console.WriteLine($"    {"line",4}  {"status",-10}  {"address",-46}  detail");
        for (string? next = $"/api/campaigns/{id}/recipients?pageSize=500"; next is not null;)
        {
            JsonNode page = await api.GetAsync(next);
            foreach (JsonNode? row in page["items"]!.AsArray())
            {
                string detail = row!["status"]!.GetValue<string>() == "Sent"
                    ? (row["missingFields"] is { } missing ? $"empty fields: {missing}" : string.Empty)
                    : row["smtpCode"] is { } code ? $"{code} {row["smtpText"]}" : row["reason"]?.GetValue<string>() ?? string.Empty;
                string mailbox = row["name"] is { } name ? new MimeKit.MailboxAddress(name.GetValue<string>(), row["email"]!.GetValue<string>()).ToString() : row["email"]!.GetValue<string>();
                Console.WriteLine($"    {row["line"],4}  {row["status"],-10}  {mailbox,-46}  {detail}");
            }

            next = page["next"]?.GetValue<string>();
        }
    }
}
