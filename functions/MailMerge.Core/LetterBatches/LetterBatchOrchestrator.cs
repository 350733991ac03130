using MailMerge.Counters;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MailMerge.LetterBatches;

/// <summary>
/// Generates one letter batch: reserves its numbers, renders its letters chunk by chunk (a few chunks at once),
/// assembles the combined document when one was asked for, and records the outcome. Its input and status hold
/// ids and counts only; it continues as new every <see cref="ChunksPerGeneration"/> chunks.
/// </summary>
public sealed partial class LetterBatchOrchestrator : TaskOrchestrator<LetterBatchCursor, LetterBatchState>
{
    /// <summary>Chunks handled before the orchestration continues as new.</summary>
    public const int ChunksPerGeneration = 40;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <inheritdoc />
    public override async Task<LetterBatchState> RunAsync(TaskOrchestrationContext context, LetterBatchCursor input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<LetterBatchOrchestrator>();
        string id = input.BatchId;
        LetterTotals totals = input.Totals ?? new LetterTotals();
        int next = input.NextChunk;
        LetterBatchPlan? plan = null;
        try
        {
            plan = await context.CallActivityAsync<LetterBatchPlan>(nameof(PrepareLetterBatchActivity), id, Retry);
            int handled = 0;
            while (next < plan.ChunkCount)
            {
                context.SetCustomStatus(new LetterBatchProgress(LetterBatchState.Generating, next, plan.ChunkCount, totals.Generated, totals.Failed, Assembling: false));
                int parallel = Math.Min(plan.Parallelism, plan.ChunkCount - next);
                LetterTotals[] results = await Task.WhenAll(Enumerable.Range(next, parallel).Select(chunk =>
                    context.CallActivityAsync<LetterTotals>(nameof(RenderLetterChunkActivity), new LetterChunk(id, chunk, plan.ChunkSize), Retry)));
                totals = results.Aggregate(totals, (sum, chunk) => sum.Add(chunk));
                next += parallel;
                handled += parallel;
                if (next < plan.ChunkCount && handled >= ChunksPerGeneration)
                {
                    context.ContinueAsNew(new LetterBatchCursor(id, next, totals));
                    return LetterBatchState.Generating;
                }
            }

            if (plan.Combined)
            {
                context.SetCustomStatus(new LetterBatchProgress(LetterBatchState.Generating, next, plan.ChunkCount, totals.Generated, totals.Failed, Assembling: true));
                int withMissing = await context.CallActivityAsync<int>(nameof(AssembleCombinedLettersActivity), id, Retry);
                totals = totals with { WithMissingFields = withMissing };
            }

            await context.CallActivityAsync(nameof(RecordLetterBatchStateActivity), new LetterBatchTransition(id, LetterBatchState.Completed, context.CurrentUtcDateTime, totals), Retry);
            context.SetCustomStatus(new LetterBatchProgress(LetterBatchState.Completed, next, plan.ChunkCount, totals.Generated, totals.Failed, Assembling: false));
            LogCompleted(log, id, totals.Generated, totals.Failed);
            return LetterBatchState.Completed;
        }
        catch (TaskFailedException failure)
        {
            LogFailed(log, id, next);
            string reason = failure.FailureDetails.IsCausedBy<CounterExhaustedException>()
                ? "The registered-mail counter has too few numbers left: " + failure.FailureDetails.ErrorMessage
                : "Generation stopped on an unexpected error; see the host's logs.";
            await context.CallActivityAsync(nameof(RecordLetterBatchStateActivity), new LetterBatchTransition(id, LetterBatchState.Failed, context.CurrentUtcDateTime, totals, reason), Retry);
            context.SetCustomStatus(new LetterBatchProgress(LetterBatchState.Failed, next, plan?.ChunkCount ?? 0, totals.Generated, totals.Failed, Assembling: false));
            return LetterBatchState.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Letter batch {BatchId} completed: {Generated} generated, {Failed} failed")]
    private static partial void LogCompleted(ILogger logger, string batchId, int generated, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Letter batch {BatchId} failed at chunk {Chunk}")]
    private static partial void LogFailed(ILogger logger, string batchId, int chunk);
}
