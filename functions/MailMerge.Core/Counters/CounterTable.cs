using Azure;
using Azure.Data.Tables;
using MailMerge.Storage;

namespace MailMerge.Counters;

/// <summary>
/// Counters that never give a value twice and leave no gaps: registered-mail serials and journal entry numbers.
/// </summary>
/// <remarks>
/// A reservation moves the counter row forward with If-Match on its ETag and inserts the reservation row in the
/// same entity-group transaction, so both happen or neither does. A concurrent writer makes the transaction fail
/// (412 on the counter, or 409 when the holder's reservation already exists) and the reservation is tried again
/// from a fresh read. Reserving again under the same holder id returns the block reserved the first time, so an
/// activity that is retried after reserving gets the same values back and the counter does not move twice.
/// </remarks>
public sealed class CounterTable(TableServiceClient tables)
{
    /// <summary>Row key of the row holding a counter's next value.</summary>
    public const string CounterRowKey = "counter";

    private const int MaxAttempts = 200;

    private TableClient Table => tables.GetTableClient(StorageNames.CountersTable);

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive values for <paramref name="holder"/>, or returns the block the
    /// holder already has.
    /// </summary>
    /// <param name="counter">The counter's key (a table partition key).</param>
    /// <param name="holder">Who the values are for, e.g. a batch id; the same holder always gets the same block.</param>
    /// <param name="count">How many values, 1 or more.</param>
    /// <param name="start">The first value of a new counter; a start above the counter's next value moves the counter forward to it.</param>
    /// <param name="max">The largest value the counter may give.</param>
    /// <exception cref="CounterExhaustedException">The block would go past <paramref name="max"/>.</exception>
    public async Task<CounterReservation> ReserveAsync(string counter, string holder, int count, long start, long max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(counter);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        string reservationKey = "r-" + holder;
        for (int attempt = 1; ; attempt++)
        {
            NullableResponse<CounterRow> held = await Table.GetEntityIfExistsAsync<CounterRow>(counter, reservationKey, cancellationToken: cancellationToken);
            if (held.HasValue)
            {
                return new CounterReservation(held.Value!.Value, held.Value.Count);
            }

            NullableResponse<CounterRow> current = await Table.GetEntityIfExistsAsync<CounterRow>(counter, CounterRowKey, cancellationToken: cancellationToken);
            long first = Math.Max(current.HasValue ? current.Value!.Value : start, start);
            if (first + count - 1 > max)
            {
                throw new CounterExhaustedException($"The counter has {Math.Max(0, max - first + 1)} values left; {count} are needed.");
            }

            var next = new CounterRow { PartitionKey = counter, RowKey = CounterRowKey, Value = first + count };
            var actions = new List<TableTransactionAction>
            {
                current.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, current.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, next),
                new(TableTransactionActionType.Add, new CounterRow { PartitionKey = counter, RowKey = reservationKey, Value = first, Count = count }),
            };

            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return new CounterReservation(first, count);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another reservation moved the counter (or this holder's retry won): read again.
                await Task.Delay(Random.Shared.Next(5, 20 + Math.Min(attempt, 20) * 5), cancellationToken);
            }
        }
    }

    /// <summary>The value the counter would give next, without reserving it; <paramref name="start"/> for a new counter.</summary>
    public async Task<long> PeekAsync(string counter, long start, CancellationToken cancellationToken = default)
    {
        NullableResponse<CounterRow> current = await Table.GetEntityIfExistsAsync<CounterRow>(counter, CounterRowKey, cancellationToken: cancellationToken);
        return Math.Max(current.HasValue ? current.Value!.Value : start, start);
    }
}
