using Azure;
using Azure.Data.Tables;
using MailMerge.Storage;

namespace MailMerge.Suppressions;

/// <summary>
/// The standing suppression list: addresses that never get mail from any campaign. Keys are the address in
/// lower case, percent-encoded so any valid address is a valid row key.
/// </summary>
public sealed class SuppressionList(TableServiceClient tables)
{
    private TableClient Table => tables.GetTableClient(StorageNames.SuppressionsTable);

    /// <summary>The row key of an address key (lower case).</summary>
    public static string RowKey(string addressKey) => Uri.EscapeDataString(addressKey);

    /// <summary>Adds or refreshes addresses (keys in lower case), in transactions of up to 100.</summary>
    public async Task AddAsync(IEnumerable<SuppressionEntry> entries, CancellationToken cancellationToken = default)
    {
        foreach (SuppressionEntry[] chunk in entries.Chunk(Recipients.RecipientTable.TransactionLimit))
        {
            await Table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }

    /// <summary>Removes an address; false when it was not listed.</summary>
    public async Task<bool> RemoveAsync(string addressKey, CancellationToken cancellationToken = default)
    {
        Response response = await Table.DeleteEntityAsync(SuppressionEntry.Partition, RowKey(addressKey), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>The entry of an address, or null.</summary>
    public async Task<SuppressionEntry?> FindAsync(string addressKey, CancellationToken cancellationToken = default)
    {
        NullableResponse<SuppressionEntry> found = await Table.GetEntityIfExistsAsync<SuppressionEntry>(SuppressionEntry.Partition, RowKey(addressKey), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>One page of the list in address order.</summary>
    public async Task<(IReadOnlyList<SuppressionEntry> Entries, string? Continuation)> ReadPageAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        AsyncPageable<SuppressionEntry> query = Table.QueryAsync<SuppressionEntry>(e => e.PartitionKey == SuppressionEntry.Partition, maxPerPage: pageSize, cancellationToken: cancellationToken);
        await foreach (Page<SuppressionEntry> page in query.AsPages(continuation, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Every suppressed address key, for building a campaign's list (reads the address column only).</summary>
    public async Task<IReadOnlySet<string>> ReadKeysAsync(CancellationToken cancellationToken = default)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {SuppressionEntry.Partition}");
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [nameof(SuppressionEntry.Address)], cancellationToken: cancellationToken))
        {
            if (row.GetString(nameof(SuppressionEntry.Address)) is { Length: > 0 } address)
            {
                keys.Add(address);
            }
        }

        return keys;
    }
}
