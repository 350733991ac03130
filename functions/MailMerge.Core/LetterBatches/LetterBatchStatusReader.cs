using System.Text.Json;
using MailMerge.Journals;
using MailMerge.Json;
using MailMerge.Letters;
using Microsoft.DurableTask.Client;

namespace MailMerge.LetterBatches;

/// <summary>Builds a batch's status from its row, and from the orchestration's custom status while it runs.</summary>
public sealed class LetterBatchStatusReader(LetterBatchStore batches)
{
    /// <summary>The status, or null when there is no such batch.</summary>
    public async Task<LetterBatchStatus?> ReadAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        LetterBatchRecord? batch = await batches.FindAsync(id, cancellationToken);
        if (batch is null)
        {
            return null;
        }

        var state = Enum.Parse<LetterBatchState>(batch.State);
        var totals = new LetterTotals(batch.Generated, batch.Failed, batch.WithMissingFields);
        int chunkCount = (batch.Total + PrepareLetterBatchActivity.ChunkSize - 1) / PrepareLetterBatchActivity.ChunkSize;
        var chunks = new LetterBatchChunks(state == LetterBatchState.Completed ? chunkCount : 0, chunkCount, false);
        if (state == LetterBatchState.Generating)
        {
            OrchestrationMetadata? instance = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            if (instance?.SerializedCustomStatus is { Length: > 0 } json && JsonSerializer.Deserialize<LetterBatchProgress>(json, MailMergeJson.Options) is { } progress)
            {
                totals = new LetterTotals(progress.Generated, progress.Failed);
                chunks = new LetterBatchChunks(progress.ChunksDone, progress.ChunkCount, progress.Assembling);
            }
        }

        string url = $"/api/letter-batches/{id}";
        RegisteredRange? registered = batch.RegisteredCounter is null ? null : new RegisteredRange(
            batch.RegisteredCounter,
            batch.RegisteredFirst is { } first ? RegisteredNumber.Create(batch.ServiceIndicator!, (int)first, batch.Country!).ToString() : null,
            batch.RegisteredFirst is { } from ? RegisteredNumber.Create(batch.ServiceIndicator!, (int)(from + batch.Total - 1), batch.Country!).ToString() : null);
        JournalRange? journal = batch.Journal is null ? null : new JournalRange(
            batch.Journal,
            batch.ReceivedDate ?? string.Empty,
            batch.JournalFirst is { } start ? JournalNumber.Format(batch.Journal, batch.JournalYear, start) : null,
            batch.JournalFirst is { } begin ? JournalNumber.Format(batch.Journal, batch.JournalYear, begin + batch.Total - 1) : null,
            $"/api/journals/{batch.Journal}/entries?year={batch.JournalYear}");
        return new LetterBatchStatus(
            id,
            batch.Subject,
            batch.Template,
            state,
            batch.StateReason,
            batch.DeliveryMethod,
            batch.StorageLocation,
            batch.Combined ? "combined" : "perRecipient",
            new LetterBatchCounts(batch.Total, totals.Generated, totals.Failed, Math.Max(0, batch.Total - totals.Generated - totals.Failed), totals.WithMissingFields),
            chunks,
            registered,
            journal,
            batch.Dropped == 0 ? null : new LetterBatchDropped(
                batch.Dropped,
                batch.DroppedJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<Contacts.DroppedLine>>(batch.DroppedJson, Json.MailMergeJson.Options) ?? []),
            batch.CreatedAt,
            batch.CompletedAt,
            $"{url}/documents",
            $"{url}/dispatch-list");
    }
}
