using System.Globalization;
using MailMerge.Campaigns;
using MailMerge.Recipients;
using MailMerge.Sending;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>The archive of a campaign's sent messages: the list (paged) and each .eml as it was sent.</summary>
public sealed class ArchiveApi(CampaignStore campaigns, RecipientTable recipients, MessageArchive archive)
{
    /// <summary><c>GET /api/campaigns/{id}/archive</c>: the archived messages (row, address, blob, size, link), paged, with counts.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (CampaignRecord? campaign, IResult? problem) = await FindAsync(id, cancellationToken);
        if (campaign is null)
        {
            return problem!;
        }

        if (!PageQuery.TryRead(request, out PageQuery? page, out IResult? pageProblem))
        {
            return pageProblem;
        }

        (int pageSize, string? continuation) = (page.PageSize, page.Continuation);
        if (continuation is not null && (!ContinuationToken.IsWellFormed(continuation) || !IsContinuation(continuation)))
        {
            return Problems.Invalid("continuation", "The continuation token is not one this API gave out; follow 'next' of the page before.");
        }

        string folder = campaign.ArchiveFolder!;
        IReadOnlyList<RecipientRow> rows;
        string? next;
        try
        {
            (rows, next) = await recipients.ReadArchivedPageAsync(id, pageSize, continuation, cancellationToken);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or FormatException or ArgumentException)
        {
            return Problems.Invalid("continuation", "The continuation token is not one this API gave out.");
        }

        ArchiveCounts? counts = continuation is null ? await recipients.CountArchiveAsync(id, cancellationToken) : null;
        return TypedResults.Ok(new
        {
            id,
            folder,
            counts = counts is null ? null : new { sent = counts.Sent, archived = counts.Archived, archiveFailed = counts.ArchiveFailed, imapAppended = counts.ImapAppended, imapFailed = counts.ImapFailed },
            items = rows.Select(r => new
            {
                row = r.RowKey,
                line = r.Line,
                email = r.Email,
                messageId = r.MessageId is null ? null : $"<{r.MessageId}>",
                blob = MessageArchive.BlobName(folder, id, r.RowKey),
                size = r.ArchiveSize,
                archivedAt = r.ArchivedAt,
                imapAppendedAt = r.ImapAppendedAt,
                imapError = r.ImapError,
                url = $"/api/campaigns/{id}/archive/{r.RowKey}",
            }),
            continuation = next,
            next = next is null ? null : $"/api/campaigns/{id}/archive?pageSize={pageSize}&continuation={Uri.EscapeDataString(next)}",
        });
    }

    /// <summary><c>GET /api/campaigns/{id}/archive/{row}</c>: one archived message as message/rfc822.</summary>
    public async Task<IResult> DownloadAsync(string id, string row, CancellationToken cancellationToken = default)
    {
        (CampaignRecord? campaign, IResult? problem) = await FindAsync(id, cancellationToken);
        if (campaign is null)
        {
            return problem!;
        }

        if (!IsRowKey(row))
        {
            return Problems.NotFound($"No archived message '{row}' in campaign '{id}'; the archive list names each one (row).");
        }

        (Stream Content, long Length)? found = await archive.OpenAsync(MessageArchive.BlobName(campaign.ArchiveFolder!, id, row), cancellationToken);
        return found is { } eml
            ? Results.Stream(eml.Content, MessageArchive.ContentType, $"{id}-{row}.eml")
            : Problems.NotFound($"No archived message '{row}' in campaign '{id}'.");
    }

    private async Task<(CampaignRecord? Campaign, IResult? Problem)> FindAsync(string id, CancellationToken cancellationToken)
    {
        CampaignRecord? campaign = ResourceName.IsValid(id) ? await campaigns.FindAsync(id, cancellationToken) : null;
        if (campaign is null)
        {
            return (null, Problems.NotFound($"No campaign '{id}'."));
        }

        return campaign.ArchiveFolder is null
            ? (null, Problems.Status(StatusCodes.Status409Conflict, "The campaign keeps no archive.",
                "It was created without \"archive\": {\"enabled\": true, \"folder\": \"…\"}, so no sent copies were kept."))
            : (campaign, null);
    }

    /// <summary>
    /// Whether a continuation token has the shape of the ones a page gives out: the table's next partition and row
    /// key (opaque values), separated by one space. Storage answers any other text with an empty page, which would
    /// look like the end of the list.
    /// </summary>
    private static bool IsContinuation(string continuation) =>
        continuation.Split(' ') is [{ Length: > 0 }, { Length: > 0 }];

    /// <summary>A send row key: 's' and ten digits.</summary>
    private static bool IsRowKey(string row) => row.Length == 11 && row[0] == 's' && row.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
