using Azure;
using Azure.Data.Tables;
using MailMerge.Storage;

namespace MailMerge.Recipients;

/// <summary>Reads and writes a campaign's recipient rows; every write goes in Table transactions of up to 100 rows.</summary>
public sealed class RecipientTable(TableServiceClient tables)
{
    /// <summary>The most operations one Table transaction may hold.</summary>
    public const int TransactionLimit = 100;

    private TableClient Table => tables.GetTableClient(StorageNames.RecipientsTable);

    /// <summary>Transactions a bulk write keeps in flight at once.</summary>
    public const int WriteParallelism = 8;

    /// <summary>Inserts or replaces rows (idempotent, so a repeated create writes the same rows again).</summary>
    public async Task UpsertAsync(IEnumerable<RecipientRow> rows, CancellationToken cancellationToken = default)
    {
        RecipientRow[][] chunks = Transactions(rows).ToArray();
        if (chunks.Length == 1)
        {
            await SubmitUpsertAsync(chunks[0], cancellationToken);
            return;
        }

        // A large list is written several transactions at a time; each is atomic and the whole write is idempotent.
        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellationToken },
            async (chunk, token) => await SubmitUpsertAsync(chunk, token));
    }

    /// <summary>Most request bytes one transaction is planned to hold; Table storage refuses a transaction over 4 MiB.</summary>
    public const int TransactionBudgetBytes = 3 * 1024 * 1024;

    /// <summary>
    /// Splits rows into transactions of at most <see cref="TransactionLimit"/> rows and about
    /// <see cref="TransactionBudgetBytes"/>: 100 rows with large merge fields would be over the 4 MiB a transaction may carry.
    /// </summary>
    public static IEnumerable<RecipientRow[]> Transactions(IEnumerable<RecipientRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var chunk = new List<RecipientRow>(TransactionLimit);
        long bytes = 0;
        foreach (RecipientRow row in rows)
        {
            long size = WireBytes(row);
            if (chunk.Count > 0 && (chunk.Count == TransactionLimit || bytes + size > TransactionBudgetBytes))
            {
                yield return chunk.ToArray();
                chunk.Clear();
                bytes = 0;
            }

            chunk.Add(row);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk.ToArray();
        }
    }

    // A generous estimate of a row on the wire: the fields JSON is ASCII (non-ASCII is escaped) whose quotes and
    // backslashes are escaped once more; other text may be escaped to six bytes a character.
    private static long WireBytes(RecipientRow row) =>
        1024 + (2L * row.FieldsJson.Length) + (6L * (row.Email.Length + (row.DisplayName?.Length ?? 0) + (row.Reason?.Length ?? 0) +
        (row.SmtpText?.Length ?? 0) + (row.MissingFields?.Length ?? 0) + (row.ArchiveError?.Length ?? 0) + (row.ImapError?.Length ?? 0) + (row.MessageId?.Length ?? 0)));

    private async Task SubmitUpsertAsync(RecipientRow[] chunk, CancellationToken cancellationToken)
    {
        var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r));
        await Table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Writes only the outcome columns of rows (merge), leaving address and fields as they are; empty values are left out.</summary>
    public async Task MergeOutcomesAsync(IEnumerable<RecipientRow> rows, CancellationToken cancellationToken = default)
    {
        foreach (RecipientRow[] chunk in rows.Chunk(TransactionLimit))
        {
            var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, Outcome(r)));
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    private static TableEntity Outcome(RecipientRow row) => new(row.PartitionKey, row.RowKey)
    {
        [nameof(RecipientRow.Status)] = row.Status,
        [nameof(RecipientRow.Reason)] = row.Reason,
        [nameof(RecipientRow.SmtpCode)] = row.SmtpCode,
        [nameof(RecipientRow.SmtpText)] = row.SmtpText,
        [nameof(RecipientRow.MessageId)] = row.MessageId,
        [nameof(RecipientRow.SentAt)] = row.SentAt,
        [nameof(RecipientRow.Attempts)] = row.Attempts,
        [nameof(RecipientRow.MissingFields)] = row.MissingFields,
        [nameof(RecipientRow.Pass)] = row.Pass,
        [nameof(RecipientRow.NextAttemptAt)] = row.NextAttemptAt,
        [nameof(RecipientRow.RetryFrom)] = row.RetryFrom,
    };

    /// <summary>Writes only the archive columns of rows (merge): the outcome columns stay as the send wrote them.</summary>
    public async Task MergeArchiveAsync(IEnumerable<RecipientRow> rows, CancellationToken cancellationToken = default)
    {
        foreach (RecipientRow[] chunk in rows.Chunk(TransactionLimit))
        {
            var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(r.PartitionKey, r.RowKey)
            {
                [nameof(RecipientRow.ArchivedAt)] = r.ArchivedAt,
                [nameof(RecipientRow.ArchiveSize)] = r.ArchiveSize,
                [nameof(RecipientRow.ArchiveError)] = r.ArchiveError,
                [nameof(RecipientRow.ImapAppendedAt)] = r.ImapAppendedAt,
                [nameof(RecipientRow.ImapError)] = r.ImapError,
            }));
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>One page of the rows whose sent copy is in the archive, in send order.</summary>
    public async Task<(IReadOnlyList<RecipientRow> Rows, string? Continuation)> ReadArchivedPageAsync(
        string campaignId, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {campaignId} and RowKey ge {"s"} and RowKey lt {"t"} and ArchiveSize gt {0L}");
        AsyncPageable<RecipientRow> query = Table.QueryAsync<RecipientRow>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken);
        await foreach (Page<RecipientRow> page in query.AsPages(continuation, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Counts the archive outcomes of a campaign's sent rows, reading only the columns it needs.</summary>
    public async Task<ArchiveCounts> CountArchiveAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {campaignId} and RowKey ge {"s"} and RowKey lt {"t"} and Status eq {nameof(RecipientStatus.Sent)}");
        int sent = 0, archived = 0, failed = 0, appended = 0, imapFailed = 0;
        string[] columns = [nameof(RecipientRow.ArchiveSize), nameof(RecipientRow.ArchiveError), nameof(RecipientRow.ImapAppendedAt), nameof(RecipientRow.ImapError)];
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: columns, cancellationToken: cancellationToken))
        {
            sent++;
            archived += row.GetInt64(nameof(RecipientRow.ArchiveSize)) is > 0 ? 1 : 0;
            failed += string.IsNullOrEmpty(row.GetString(nameof(RecipientRow.ArchiveError))) ? 0 : 1;
            appended += row.GetDateTimeOffset(nameof(RecipientRow.ImapAppendedAt)) is null ? 0 : 1;
            imapFailed += string.IsNullOrEmpty(row.GetString(nameof(RecipientRow.ImapError))) ? 0 : 1;
        }

        return new ArchiveCounts(sent, archived, failed, appended, imapFailed);
    }

    /// <summary>Reads the sendable rows with send index in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<List<RecipientRow>> ReadSendRangeAsync(string campaignId, int from, int to, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {campaignId} and RowKey ge {RecipientIntakeBuilder.SendKey(from)} and RowKey lt {RecipientIntakeBuilder.SendKey(to)}");
        var rows = new List<RecipientRow>();
        await foreach (RecipientRow row in Table.QueryAsync<RecipientRow>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Reads one page of a campaign's rows: sent-order rows first, then the rows skipped at intake.</summary>
    public async Task<(IReadOnlyList<RecipientRow> Rows, string? Continuation)> ReadPageAsync(
        string campaignId, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}");
        AsyncPageable<RecipientRow> query = Table.QueryAsync<RecipientRow>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken);
        await foreach (Page<RecipientRow> page in query.AsPages(continuation, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Counts a campaign's rows by outcome, reading only the columns it needs.</summary>
    public async Task<RecipientCounts> CountAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}");
        int sent = 0, failed = 0, uncertain = 0, missing = 0, deferred = 0, pending = 0, duplicates = 0, invalid = 0, excluded = 0, suppressed = 0, cancelled = 0;
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [nameof(RecipientRow.Status), nameof(RecipientRow.MissingFields)], cancellationToken: cancellationToken))
        {
            switch (row.GetString(nameof(RecipientRow.Status)))
            {
                case nameof(RecipientStatus.Sent): sent++; break;
                case nameof(RecipientStatus.Failed): failed++; break;
                case nameof(RecipientStatus.Uncertain): uncertain++; break;
                case nameof(RecipientStatus.Deferred): deferred++; break;
                case nameof(RecipientStatus.Pending): pending++; break;
                case nameof(RecipientStatus.Duplicate): duplicates++; break;
                case nameof(RecipientStatus.Invalid): invalid++; break;
                case nameof(RecipientStatus.Excluded): excluded++; break;
                case nameof(RecipientStatus.Suppressed): suppressed++; break;
                case nameof(RecipientStatus.Cancelled): cancelled++; break;
            }

            if (!string.IsNullOrEmpty(row.GetString(nameof(RecipientRow.MissingFields))))
            {
                missing++;
            }
        }

        return new RecipientCounts(sent, failed, uncertain, missing, deferred, pending, duplicates, invalid, excluded, suppressed, cancelled);
    }

    /// <summary>The sendable row of a list line, or the first sendable row when <paramref name="line"/> is null.</summary>
    public async Task<RecipientRow?> FindSendableAsync(string campaignId, int? line, CancellationToken cancellationToken = default)
    {
        string filter = line is { } wanted
            ? TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {"s"} and RowKey lt {"t"} and Line eq {wanted}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {"s"} and RowKey lt {"t"}");
        await foreach (RecipientRow row in Table.QueryAsync<RecipientRow>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return row;
        }

        return null;
    }

    /// <summary>
    /// The send indexes and next-attempt times of the Deferred rows a retry pass takes up: those deferred by an
    /// earlier pass than <paramref name="pass"/>. Reads only the columns it needs.
    /// </summary>
    public async Task<List<(int Index, DateTimeOffset? NextAttemptAt)>> FindDeferredAsync(string campaignId, int pass, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {campaignId} and RowKey ge {"s"} and RowKey lt {"t"} and Status eq {nameof(RecipientStatus.Deferred)} and Pass lt {pass}");
        var found = new List<(int, DateTimeOffset?)>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey", nameof(RecipientRow.NextAttemptAt)], cancellationToken: cancellationToken))
        {
            found.Add((int.Parse(row.RowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), row.GetDateTimeOffset(nameof(RecipientRow.NextAttemptAt))));
        }

        return found;
    }

    /// <summary>The rows that ended in a transient failure (a 4xx reply), or were left Deferred when the campaign stopped.</summary>
    public async Task<List<RecipientRow>> FindTransientFailuresAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {campaignId} and RowKey ge {"s"} and RowKey lt {"t"} and ((Status eq {nameof(RecipientStatus.Failed)} and SmtpCode ge {400} and SmtpCode lt {500}) or Status eq {nameof(RecipientStatus.Deferred)})");
        var found = new List<RecipientRow>();
        await foreach (RecipientRow row in Table.QueryAsync<RecipientRow>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            found.Add(row);
        }

        return found;
    }

    /// <summary>Streams every row of a campaign.</summary>
    public IAsyncEnumerable<RecipientRow> ReadAllAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}");
        return Table.QueryAsync<RecipientRow>(filter, maxPerPage: 1000, cancellationToken: cancellationToken);
    }

    /// <summary>Deletes every row of a campaign (a draft whose list is rebuilt).</summary>
    public async Task DeleteAllAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId}");
        var keys = new List<TableEntity>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(new TableEntity(campaignId, row.RowKey));
        }

        foreach (TableEntity[] chunk in keys.Chunk(TransactionLimit))
        {
            await Table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, k, ETag.All)), cancellationToken);
        }
    }

    /// <summary>Marks every row still Pending (or Deferred for a retry) as Cancelled; returns how many. Running it again changes nothing.</summary>
    public async Task<int> CancelPendingAsync(string campaignId, string reason, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {campaignId} and RowKey ge {"s"} and RowKey lt {"t"} and (Status eq {nameof(RecipientStatus.Pending)} or Status eq {nameof(RecipientStatus.Deferred)})");
        var rows = new List<TableEntity>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(new TableEntity(campaignId, row.RowKey)
            {
                [nameof(RecipientRow.Status)] = nameof(RecipientStatus.Cancelled),
                [nameof(RecipientRow.Reason)] = reason,
            });
        }

        foreach (TableEntity[] chunk in rows.Chunk(TransactionLimit))
        {
            await Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, r, ETag.All)), cancellationToken);
        }

        return rows.Count;
    }

    /// <summary>One page of the final list (<paramref name="removed"/> false: the rows to send) or of the lines removed at intake.</summary>
    public async Task<(IReadOnlyList<RecipientRow> Rows, string? Continuation)> ReadSummaryPageAsync(
        string campaignId, bool removed, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        string filter = removed
            ? TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {"x"} and RowKey lt {"y"}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {"s"} and RowKey lt {"t"}");
        AsyncPageable<RecipientRow> query = Table.QueryAsync<RecipientRow>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken);
        await foreach (Page<RecipientRow> page in query.AsPages(continuation, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }
}
