using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace MailMerge.Contacts;

/// <summary>Writes and removes index rows, grouped into Table transactions per partition; creates an index table on first use.</summary>
public sealed class ContactIndexTables(TableServiceClient tables)
{
    private const int TransactionLimit = 100;
    private readonly ConcurrentDictionary<string, Lazy<Task>> created = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The client of an index table.</summary>
    public TableClient Table(string name) => tables.GetTableClient(name);

    /// <summary>Inserts or replaces the rows (idempotent).</summary>
    public Task UpsertAsync(IEnumerable<ContactIndexEntry> entries, CancellationToken cancellationToken = default) =>
        SubmitAsync(entries, TableTransactionActionType.UpsertReplace, cancellationToken);

    /// <summary>Deletes the rows; rows already gone are fine.</summary>
    public Task DeleteAsync(IEnumerable<ContactIndexEntry> entries, CancellationToken cancellationToken = default) =>
        SubmitAsync(entries, TableTransactionActionType.Delete, cancellationToken);

    private async Task SubmitAsync(IEnumerable<ContactIndexEntry> entries, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        var batches = entries.Distinct()
            .GroupBy(e => (e.Table, e.PartitionKey))
            .SelectMany(g => g.Chunk(TransactionLimit).Select(chunk => (g.Key.Table, Rows: chunk)))
            .ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (batch, token) => await SubmitBatchAsync(batch.Table, batch.Rows, action, token));
    }

    private async Task SubmitBatchAsync(string table, ContactIndexEntry[] rows, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        if (action == TableTransactionActionType.Delete)
        {
            // A delete in a transaction fails the whole transaction when one row is missing; delete one by one.
            foreach (ContactIndexEntry row in rows)
            {
                try
                {
                    await Table(table).DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                }
            }

            return;
        }

        await EnsureTableAsync(table, cancellationToken);
        var actions = rows.Select(r => new TableTransactionAction(action, Entity(r)));
        await Table(table).SubmitTransactionAsync(actions, cancellationToken);
    }

    private static TableEntity Entity(ContactIndexEntry row)
    {
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        if (row.Words is not null)
        {
            entity[ContactIndexEntry.WordsColumn] = row.Words;
        }

        return entity;
    }

    private Task EnsureTableAsync(string table, CancellationToken cancellationToken)
    {
        Lazy<Task> creation = created.GetOrAdd(table, name => new Lazy<Task>(() => tables.CreateTableIfNotExistsAsync(name, cancellationToken)));
        if (creation.Value.IsFaulted || creation.Value.IsCanceled)
        {
            created.TryRemove(table, out _);
        }

        return creation.Value;
    }
}
