using System.Globalization;
using System.Text;
using MailMerge.LetterBatches;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace MailMerge.Api;

/// <summary>The letter batch endpoints, as plain handlers both hosts call.</summary>
public sealed class LetterBatchApi(LetterBatchService service, LetterBatchStatusReader status, LetterBatchStore batches)
{
    private const long MaxRequestBytes = 64 * 1024 * 1024;

    /// <summary><c>POST /api/letter-batches</c>: 202 with the id and status URL; 400 listing every invalid field; 403 without the journal permission.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? key = request.Headers["Idempotency-Key"].FirstOrDefault();
        if (key is not null && (key.Length is 0 or > 200))
        {
            return Problems.Invalid("Idempotency-Key", "The Idempotency-Key header must be 1 to 200 characters.");
        }

        (CreateLetterBatchRequest? body, IResult? problem) = await RequestBody.ReadJsonAsync<CreateLetterBatchRequest>(request, MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (body.Journal is not null && !CallerPermissions.Has(request.HttpContext.User, CallerPermissions.JournalsWrite))
        {
            return Problems.Forbidden(CallerPermissions.JournalsWrite,
                $"Registering letters in a journal needs the '{CallerPermissions.JournalsWrite}' permission, which this caller does not hold. " +
                "Leave out 'journal' or call with a key (or role) that has it; nothing was stored.");
        }

        if (body.Line is not null)
        {
            return Problems.Invalid("line", "'line' chooses the recipient of a preview (POST /api/letter-batches/preview); a batch generates every letter.");
        }

        LetterBatchCreation created = await service.CreateAsync(body, key, durable, cancellationToken);
        if (created.KeyConflict)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.",
                "This Idempotency-Key was already used for a different request; use a new key for a new batch.");
        }

        if (!created.Accepted)
        {
            return Problems.Invalid(created.Errors);
        }

        string url = $"/api/letter-batches/{created.BatchId}";
        return TypedResults.Accepted(url, new
        {
            id = created.BatchId,
            statusUrl = url,
            documentsUrl = $"{url}/documents",
            dispatchListUrl = $"{url}/dispatch-list",
            notice = created.Notice,
            replayed = created.Replayed,
            dropped = created.Dropped is { Count: > 0 } dropped ? dropped : null,
        });
    }

    /// <summary><c>POST /api/letter-batches/preview</c>: the .docx one recipient would get; stores and reserves nothing.</summary>
    public async Task<IResult> PreviewAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (CreateLetterBatchRequest? body, IResult? problem) = await RequestBody.ReadJsonAsync<CreateLetterBatchRequest>(request, MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        (byte[]? docx, Dictionary<string, string[]> errors, IReadOnlyList<string> missing) = await service.PreviewAsync(body, cancellationToken);
        if (docx is null)
        {
            return Problems.Invalid(errors);
        }

        request.HttpContext.Response.Headers["X-Missing-Fields"] = string.Join(',', missing);
        return TypedResults.File(docx, LetterTemplateStore.DocxContentType, string.Create(CultureInfo.InvariantCulture, $"preview-{body.Line ?? 1}.docx"));
    }

    /// <summary><c>GET /api/letter-batches/{id}</c>: state, counts, numbers and links.</summary>
    public async Task<IResult> GetAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        LetterBatchStatus? found = ResourceName.IsValid(id) ? await status.ReadAsync(id, durable, cancellationToken) : null;
        return found is null ? Problems.NotFound($"No letter batch '{id}'.") : TypedResults.Ok(found);
    }

    /// <summary><c>GET /api/letter-batches/{id}/documents</c>: every letter with its numbers and download link.</summary>
    public async Task<IResult> GetDocumentsAsync(string id, CancellationToken cancellationToken = default)
    {
        LetterBatchRecord? batch = ResourceName.IsValid(id) ? await batches.FindAsync(id, cancellationToken) : null;
        if (batch is null)
        {
            return Problems.NotFound($"No letter batch '{id}'.");
        }

        var letters = new List<object>();
        await foreach (LetterRow row in batches.ReadAllLettersAsync(id, cancellationToken))
        {
            letters.Add(new
            {
                line = row.Line,
                state = row.State,
                reason = row.Reason,
                registeredNumber = row.RegisteredNumber,
                journalNumber = row.JournalNumber,
                file = row.Document,
                url = row.Document is null ? null : DocumentUrl(id, row.Document),
                missingFields = row.MissingFields?.Split(',') ?? [],
            });
        }

        bool combinedReady = batch.Combined && batch.State == nameof(LetterBatchState.Completed);
        return TypedResults.Ok(new
        {
            id,
            state = batch.State,
            output = batch.Combined ? "combined" : "perRecipient",
            combinedDocument = combinedReady ? new { file = LetterBatchStore.CombinedFile, url = DocumentUrl(id, LetterBatchStore.CombinedFile), letters = batch.Total } : null,
            letters,
        });
    }

    /// <summary><c>GET /api/letter-batches/{id}/documents/{file}</c>: downloads one generated document.</summary>
    public async Task<IResult> GetDocumentAsync(string id, string file, CancellationToken cancellationToken = default)
    {
        if (!ResourceName.IsValid(id) || !ResourceName.IsValid(file) || !file.EndsWith(".docx", StringComparison.Ordinal) || file == "template.docx")
        {
            return Problems.NotFound($"No document '{file}' in letter batch '{id}'.");
        }

        (Stream Content, long Length)? found = await batches.OpenDocumentReadAsync(id, file, cancellationToken);
        return found is { } document
            ? Results.Stream(document.Content, LetterTemplateStore.DocxContentType, file)
            : Problems.NotFound($"No document '{file}' in letter batch '{id}'.");
    }

    /// <summary><c>GET /api/letter-batches/{id}/dispatch-list?format=csv|docx</c>: number, recipient, address and delivery method per letter.</summary>
    public async Task<IResult> GetDispatchListAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        LetterBatchRecord? batch = ResourceName.IsValid(id) ? await batches.FindAsync(id, cancellationToken) : null;
        if (batch is null)
        {
            return Problems.NotFound($"No letter batch '{id}'.");
        }

        string format = request.Query["format"].FirstOrDefault() ?? "csv";
        bool docx = string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase);
        if (!docx && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("format", "Use 'csv' (default) or 'docx'.");
        }

        if (batch.State != nameof(LetterBatchState.Completed))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "The batch is not complete.",
                $"The dispatch list is ready when the batch is Completed; it is {batch.State}. Poll /api/letter-batches/{id}.");
        }

        List<DispatchLine> lines = await DispatchLinesAsync(batch, cancellationToken);
        if (docx)
        {
            using var output = new MemoryStream();
            DispatchListDocument.Write(output, batch, lines);
            return TypedResults.File(output.ToArray(), LetterTemplateStore.DocxContentType, $"dispatch-list-{id}.docx");
        }

        var csv = new StringBuilder(DispatchListCsv.Header).Append("\r\n");
        foreach (DispatchLine line in lines)
        {
            csv.Append(DispatchListCsv.Format(line)).Append("\r\n");
        }

        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"dispatch-list-{id}.csv");
    }

    private async Task<List<DispatchLine>> DispatchLinesAsync(LetterBatchRecord batch, CancellationToken cancellationToken)
    {
        string[] nameFields = batch.NameFields.Split(',', StringSplitOptions.RemoveEmptyEntries);
        string[] addressFields = batch.AddressFields.Split(',', StringSplitOptions.RemoveEmptyEntries);
        string method = DeliveryMethods.TryParse(batch.DeliveryMethod, out DeliveryMethod parsed) ? parsed.ToLabel() : batch.DeliveryMethod;
        var lines = new List<DispatchLine>();
        await foreach (LetterRow row in batches.ReadAllLettersAsync(batch.RowKey, cancellationToken))
        {
            PostalRecipient envelope = PostalRecipient.From(RenderLetterChunkActivity.Fields(row), nameFields, addressFields);
            lines.Add(new DispatchLine(row.Line, row.RegisteredNumber ?? string.Empty, envelope.Name, envelope.Address, method));
        }

        return lines;
    }

    private static string DocumentUrl(string id, string file) => $"/api/letter-batches/{id}/documents/{file}";
}
