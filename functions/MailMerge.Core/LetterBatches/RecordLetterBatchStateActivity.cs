using Azure.Data.Tables;
using Microsoft.DurableTask;

namespace MailMerge.LetterBatches;

/// <summary>Records a batch's final state and counts on its row.</summary>
public sealed class RecordLetterBatchStateActivity(LetterBatchStore batches) : TaskActivity<LetterBatchTransition, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, LetterBatchTransition input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await batches.MergeAsync(new TableEntity(LetterBatchRecord.Partition, input.BatchId)
        {
            [nameof(LetterBatchRecord.State)] = input.State.ToString(),
            [nameof(LetterBatchRecord.StateReason)] = input.Reason,
            [nameof(LetterBatchRecord.Generated)] = input.Totals.Generated,
            [nameof(LetterBatchRecord.Failed)] = input.Totals.Failed,
            [nameof(LetterBatchRecord.WithMissingFields)] = input.Totals.WithMissingFields,
            [nameof(LetterBatchRecord.CompletedAt)] = input.State == LetterBatchState.Generating ? null : input.At,
        });
        return true;
    }
}
