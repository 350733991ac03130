using Azure;
using Azure.Data.Tables;

namespace MailMerge.Counters;

/// <summary>
/// One row of the Counters table. In a counter's partition the row <see cref="CounterTable.CounterRowKey"/> holds
/// the next value; every other row is a reservation: a block of values given once to one holder.
/// </summary>
public sealed class CounterRow : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The counter row: the next value to give out. A reservation: its first value.</summary>
    public long Value { get; set; }

    /// <summary>A reservation: how many values it holds (0 on the counter row).</summary>
    public int Count { get; set; }
}
