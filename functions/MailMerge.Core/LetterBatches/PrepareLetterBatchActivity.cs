using MailMerge.Counters;
using MailMerge.Journals;
using MailMerge.Letters;
using Microsoft.DurableTask;

namespace MailMerge.LetterBatches;

/// <summary>
/// Reserves the batch's registered-mail serials and journal numbers, one block each for the whole batch, so the
/// numbers follow the recipient order. Reserving is idempotent per batch: a retry gets the same blocks.
/// </summary>
public sealed class PrepareLetterBatchActivity(LetterBatchStore batches, CounterTable counters) : TaskActivity<string, LetterBatchPlan>
{
    /// <summary>Letters per chunk.</summary>
    public const int ChunkSize = 50;

    /// <summary>Chunks rendered at once.</summary>
    public const int Parallelism = 4;

    /// <inheritdoc />
    public override async Task<LetterBatchPlan> RunAsync(TaskActivityContext context, string input)
    {
        LetterBatchRecord batch = await batches.FindAsync(input) ?? throw new InvalidOperationException($"Letter batch {input} does not exist.");
        var columns = new Azure.Data.Tables.TableEntity(LetterBatchRecord.Partition, batch.RowKey);
        if (batch.RegisteredCounter is { } counter)
        {
            CounterReservation serials = await counters.ReserveAsync(
                LetterBatchService.RegisteredCounterKey(counter), batch.RowKey, batch.Total, batch.RegisteredStart, RegisteredNumber.MaxSerial);
            columns[nameof(LetterBatchRecord.RegisteredFirst)] = serials.First;
        }

        if (batch.Journal is { } journal)
        {
            CounterReservation entries = await counters.ReserveAsync(
                JournalNumber.Counter(journal, batch.JournalYear), batch.RowKey, batch.Total, 1, long.MaxValue / 2);
            columns[nameof(LetterBatchRecord.JournalFirst)] = entries.First;
        }

        if (batch.RegisteredCounter is not null || batch.Journal is not null)
        {
            await batches.MergeAsync(columns);
        }

        return new LetterBatchPlan((batch.Total + ChunkSize - 1) / ChunkSize, ChunkSize, batch.Combined, Parallelism);
    }
}
