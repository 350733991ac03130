using System.Globalization;
using MailMerge.Journals;
using MailMerge.Storage;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>Reading journals (registers of correspondence).</summary>
public sealed class JournalApi(StorageBootstrap storage, JournalTable journals)
{
    /// <summary><c>GET /api/journals/{name}/entries?year=&amp;pageSize=&amp;continuation=</c>: entries in number order with links to their documents.</summary>
    public async Task<IResult> GetEntriesAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceName.IsValid(name))
        {
            return Problems.NotFound($"No journal '{name}'.");
        }

        int? year = null;
        if (request.Query["year"].FirstOrDefault() is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed is < 2000 or > 9998)
            {
                return Problems.Invalid("year", "The year must be a four-digit year, e.g. 2026.");
            }

            year = parsed;
        }

        if (!PageQuery.TryRead(request, out PageQuery? page, out IResult? pageProblem))
        {
            return pageProblem;
        }

        (int pageSize, string? continuation) = (page.PageSize, page.Continuation);
        await storage.EnsureCreatedAsync(cancellationToken);

        try
        {
            (IReadOnlyList<JournalEntry> entries, string? next) = await journals.ReadPageAsync(name, year, pageSize, continuation, cancellationToken);
            if (entries.Count == 0 && continuation is null)
            {
                return Problems.NotFound(year is null ? $"Journal '{name}' has no entries." : $"Journal '{name}' has no entries in {year}.");
            }

            string query = year is null ? string.Empty : $"year={year}&";
            return TypedResults.Ok(new
            {
                journal = name,
                items = entries.Select(e => new
                {
                    number = e.Number,
                    year = e.Year,
                    sequence = e.Sequence,
                    subject = e.Subject,
                    recipient = e.Recipient,
                    deliveryMethod = e.DeliveryMethod,
                    registeredNumber = e.RegisteredNumber,
                    receivedDate = e.ReceivedDate,
                    storageLocation = e.StorageLocation,
                    registeredAt = e.RegisteredAt,
                    batchId = e.BatchId,
                    line = e.Line,
                    documentUrl = e.Document.Length == 0 ? null : $"/api/letter-batches/{e.BatchId}/documents/{e.Document}",
                    batchUrl = $"/api/letter-batches/{e.BatchId}",
                }),
                continuation = next,
                next = next is null ? null : $"/api/journals/{name}/entries?{query}pageSize={pageSize}&continuation={Uri.EscapeDataString(next)}",
            });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or Azure.RequestFailedException { Status: 400 })
        {
            return Problems.Invalid("continuation", "The continuation token is not one this API gave out.");
        }
    }
}
