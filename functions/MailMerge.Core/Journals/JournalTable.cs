using Azure;
using Azure.Data.Tables;
using MailMerge.Storage;

namespace MailMerge.Journals;

/// <summary>Reads and writes journal entries.</summary>
public sealed class JournalTable(TableServiceClient tables)
{
    private TableClient Table => tables.GetTableClient(StorageNames.JournalEntriesTable);

    /// <summary>Writes entries (insert or replace: writing the same entry again changes nothing), 100 per transaction.</summary>
    public async Task UpsertAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (IGrouping<string, JournalEntry> journal in entries.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (JournalEntry[] chunk in journal.Chunk(100))
            {
                await Table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
            }
        }
    }

    /// <summary>One page of a journal's entries in number order, optionally of one year, with the token of the next page.</summary>
    public async Task<(IReadOnlyList<JournalEntry> Entries, string? Continuation)> ReadPageAsync(
        string journal, int? year, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        string filter = year is { } y
            ? TableClient.CreateQueryFilter($"PartitionKey eq {journal} and RowKey ge {JournalNumber.RowKey(y, 0)} and RowKey lt {JournalNumber.RowKey(y + 1, 0)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {journal}");
        await foreach (Page<JournalEntry> page in Table.QueryAsync<JournalEntry>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }
}
