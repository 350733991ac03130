using System.Globalization;
using System.Text;
using MailMerge.Campaigns;
using MailMerge.Recipients;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace MailMerge.Api;

/// <summary>The campaign endpoints, as plain handlers both hosts call.</summary>
public sealed class CampaignApi(
    CampaignService service, CampaignStatusReader status, CampaignStore campaigns, RecipientTable recipients, Templates.CampaignTemplateCache templates, Sending.TestMessageSender tests)
{
    private const long MaxRequestBytes = 64 * 1024 * 1024;

    /// <summary><c>POST /api/campaigns</c>: 202 with the id and status URL, or 400 listing every invalid field.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? key = request.Headers["Idempotency-Key"].FirstOrDefault();
        if (key is not null && (key.Length is 0 or > 200))
        {
            return Problems.Invalid("Idempotency-Key", "The Idempotency-Key header must be 1 to 200 characters.");
        }

        (CreateCampaignRequest? body, IResult? problem) = await RequestBody.ReadJsonAsync<CreateCampaignRequest>(request, MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        CampaignCreation created = await service.CreateAsync(body, key, durable, cancellationToken);
        if (created.KeyConflict)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.",
                "This Idempotency-Key was already used for a different request; use a new key for a new campaign.");
        }

        if (!created.Accepted)
        {
            return Problems.Invalid(created.Errors);
        }

        string url = $"/api/campaigns/{created.CampaignId}";
        var answer = new
        {
            id = created.CampaignId,
            state = created.State.ToString(),
            statusUrl = url,
            summaryUrl = $"{url}/summary",
            recipientsUrl = $"{url}/recipients",
            replayed = created.Replayed,
        };
        return created.State == CampaignState.Draft ? TypedResults.Created(url, answer) : TypedResults.Accepted(url, answer);
    }

    /// <summary><c>GET /api/campaigns/{id}</c>: state, counts, packets and times.</summary>
    public async Task<IResult> GetAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (!ResourceName.IsValid(id))
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        CampaignStatus? found = await status.ReadAsync(id, durable, cancellationToken);
        return found is null ? Problems.NotFound($"No campaign '{id}'.") : TypedResults.Ok(found);
    }

    /// <summary><c>GET /api/campaigns/{id}/recipients</c>: every recipient's outcome, paged JSON or (<c>?format=csv</c>) CSV.</summary>
    public async Task<IResult> GetRecipientsAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceName.IsValid(id) || await campaigns.FindAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        string format = request.Query["format"].FirstOrDefault() ?? "json";
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Stream(stream => WriteCsvAsync(stream, id, cancellationToken), "text/csv; charset=utf-8", $"campaign-{id}-recipients.csv");
        }

        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("format", "Use 'json' (default) or 'csv'.");
        }

        if (!PageQuery.TryRead(request, out PageQuery? page, out IResult? pageProblem))
        {
            return pageProblem;
        }

        (int pageSize, string? continuation) = (page.PageSize, page.Continuation);

        try
        {
            (IReadOnlyList<RecipientRow> rows, string? next) = await recipients.ReadPageAsync(id, pageSize, continuation, cancellationToken);
            return TypedResults.Ok(new
            {
                items = rows.Select(RecipientReportLine.From),
                continuation = next,
                next = next is null ? null : $"/api/campaigns/{id}/recipients?pageSize={pageSize}&continuation={Uri.EscapeDataString(next)}",
            });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or Azure.RequestFailedException { Status: 400 })
        {
            return Problems.Invalid("continuation", "The continuation token is not one this API gave out.");
        }
    }

    /// <summary>
    /// <c>GET /api/campaigns/{id}/preview?line=N</c>: the message the first (or line N's) recipient gets, rendered
    /// without sending, with the merge fields that are empty for that recipient.
    /// </summary>
    public async Task<IResult> PreviewAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CampaignRecord? campaign = ResourceName.IsValid(id) ? await campaigns.FindAsync(id, cancellationToken) : null;
        if (campaign is null)
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        int? line = null;
        if (request.Query["line"].FirstOrDefault() is { } lineText)
        {
            if (!int.TryParse(lineText, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed < 1)
            {
                return Problems.Invalid("line", "The line must be a whole number from 1.");
            }

            line = parsed;
        }

        RecipientRow? row = await recipients.FindSendableAsync(id, line, cancellationToken);
        if (row is null)
        {
            return line is null
                ? Problems.NotFound($"Campaign '{id}' has no recipient to preview.")
                : Problems.Invalid("line", $"Line {line} is not a recipient who gets a message (it is a duplicate, invalid, or beyond the list).");
        }

        var fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(row.FieldsJson, Json.MailMergeJson.Options) ?? [];
        try
        {
            Templates.RenderedMessage message = (await templates.GetAsync(campaign, cancellationToken))
                .Render(new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase));
            IReadOnlyList<Attachments.AttachmentInfo> attachments = Attachments.CampaignAttachmentStore.Parse(campaign.AttachmentsJson)?.Files ?? [];
            return TypedResults.Ok(new CampaignPreview(row.Line, row.Email, row.DisplayName, message.Subject, message.Html, message.Text, message.MissingFields, attachments));
        }
        catch (Templates.MergeValueException ex)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "This recipient's message cannot be rendered.", ex.Message);
        }
    }

    /// <summary>
    /// <c>GET /api/campaigns/{id}/summary</c>: the counts, and one page of the final list as it will be sent
    /// (<c>?list=final</c>, the default) or of the lines removed with their reasons (<c>?list=removed</c>).
    /// </summary>
    public async Task<IResult> SummaryAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CampaignRecord? record = ResourceName.IsValid(id) ? await campaigns.FindAsync(id, cancellationToken) : null;
        if (record is null)
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        string list = request.Query["list"].FirstOrDefault() ?? "final";
        if (list is not ("final" or "removed"))
        {
            return Problems.Invalid("list", "Use 'final' (the recipients who get the message, default) or 'removed' (the lines left out, with reasons).");
        }

        if (!PageQuery.TryRead(request, out PageQuery? page, out IResult? pageProblem))
        {
            return pageProblem;
        }

        (int pageSize, string? continuation) = (page.PageSize, page.Continuation);

        try
        {
            (IReadOnlyList<RecipientRow> rows, string? next) = await recipients.ReadSummaryPageAsync(id, list == "removed", pageSize, continuation, cancellationToken);
            return TypedResults.Ok(new
            {
                id,
                name = record.Name,
                state = record.State,
                startAt = record.State == nameof(CampaignState.Draft) && !record.HasStartTime ? (DateTimeOffset?)null : record.StartAt,
                counts = new
                {
                    lines = record.Total,
                    toSend = record.Sendable,
                    removed = record.Duplicates + record.Invalid + record.Excluded + record.Suppressed,
                    duplicates = record.Duplicates,
                    invalid = record.Invalid,
                    excluded = record.Excluded,
                    suppressed = record.Suppressed,
                },
                list,
                items = rows.Select(r => new { line = r.Line, email = r.Email, name = r.DisplayName, status = r.Status, reason = r.Reason }),
                continuation = next,
                next = next is null ? null : $"/api/campaigns/{id}/summary?list={list}&pageSize={pageSize}&continuation={Uri.EscapeDataString(next)}",
            });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or Azure.RequestFailedException { Status: 400 })
        {
            return Problems.Invalid("continuation", "The continuation token is not one this API gave out.");
        }
    }

    /// <summary>
    /// <c>POST /api/campaigns/{id}/test</c>: sends the message rendered for the first recipient (or <c>line</c>) to the
    /// given addresses, marked as a test and counted nowhere.
    /// </summary>
    public async Task<IResult> SendTestAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        if (!ResourceName.IsValid(id))
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        (TestMessageRequest? body, IResult? problem) = await RequestBody.ReadJsonAsync<TestMessageRequest>(request, 64 * 1024, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        Sending.TestMessageSender.Outcome outcome = await tests.SendAsync(id, body, cancellationToken);
        if (outcome.NotFound)
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        if (outcome.Errors is not null)
        {
            return Problems.Invalid(outcome.Errors);
        }

        if (outcome.Unrenderable is not null)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "This recipient's message cannot be rendered.", outcome.Unrenderable);
        }

        if (outcome.SmtpFailure is not null)
        {
            return Problems.Status(StatusCodes.Status502BadGateway, "The test message was not sent.", outcome.SmtpFailure);
        }

        return TypedResults.Ok(new { test = true, line = outcome.Line, subject = outcome.Subject, messageId = outcome.MessageId, sentTo = outcome.SentTo });
    }

    private async Task WriteCsvAsync(Stream stream, string id, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(true), 65536) { NewLine = "\r\n" };
        await writer.WriteLineAsync(RecipientReportCsv.Header);
        await foreach (RecipientRow row in recipients.ReadAllAsync(id, cancellationToken))
        {
            await writer.WriteLineAsync(RecipientReportCsv.Format(RecipientReportLine.From(row)));
        }
    }
}
