using MailMerge.Recipients;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MailMerge.Campaigns;

/// <summary>
/// "Retry failed": queues the recipients that ended in a transient failure (a 4xx reply after all attempts, or
/// left Deferred when the campaign stopped) for a new retry round, and runs it as its own orchestration instance.
/// Idempotent: while a round runs, asking again answers with that round and queues nothing.
/// </summary>
public sealed class CampaignRetry(CampaignStore campaigns, RecipientTable recipients, TimeProvider clock)
{
    /// <summary>Starts a retry round, or reports the one running.</summary>
    public async Task<RetryFailedResult> RetryFailedAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        for (int attempt = 0; ; attempt++)
        {
            CampaignRecord? record = await campaigns.FindAsync(id, cancellationToken);
            if (record is null)
            {
                return new RetryFailedResult(false, false, 0, 0, false);
            }

            bool running = record.State is nameof(CampaignState.Scheduled) or nameof(CampaignState.Sending);
            if (running && record.RetryRound == 0)
            {
                return new RetryFailedResult(true, true, 0, 0, false);
            }

            if (running)
            {
                // A round was claimed; if its start was interrupted, finish starting it (both steps are idempotent).
                int queued = await StartRoundAsync(record, durable, cancellationToken);
                return new RetryFailedResult(true, false, record.RetryRound, queued, queued == 0);
            }

            List<RecipientRow> rows = await recipients.FindTransientFailuresAsync(id, cancellationToken);
            if (rows.Count == 0)
            {
                return new RetryFailedResult(true, false, record.RetryRound, 0, false);
            }

            int failed = rows.Count(r => r.Status == nameof(RecipientStatus.Failed));
            record.RetryRound++;
            record.State = nameof(CampaignState.Sending);
            record.StateReason = null;
            record.CompletedAt = null;
            record.Failed = Math.Max(0, record.Failed - failed);
            record.Deferred = rows.Count;
            if (!await campaigns.TryReplaceAsync(record, cancellationToken))
            {
                if (attempt < 3)
                {
                    continue;
                }

                throw new InvalidOperationException($"Campaign {id} kept changing while a retry round was being started.");
            }

            int requeued = await StartRoundAsync(record, durable, cancellationToken);
            return new RetryFailedResult(true, false, record.RetryRound, requeued, false);
        }
    }

    /// <summary>Queues the round's rows (Deferred, due now, attempts counted afresh) and schedules its instance once.</summary>
    private async Task<int> StartRoundAsync(CampaignRecord record, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        string instance = CampaignStatusReader.InstanceId(record);
        if (await durable.GetInstanceAsync(instance, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return 0;
        }

        int basePass = record.RetryRound * CampaignOrchestrator.RetryPassesPerRound;
        List<RecipientRow> rows = await recipients.FindTransientFailuresAsync(record.RowKey, cancellationToken);
        DateTimeOffset now = clock.GetUtcNow();
        foreach (RecipientRow row in rows)
        {
            row.Status = nameof(RecipientStatus.Deferred);
            row.Pass = basePass;
            row.RetryFrom = row.Attempts;
            row.NextAttemptAt = now;
            row.Reason = "Queued again by \"retry failed\".";
        }

        await recipients.MergeOutcomesAsync(rows, cancellationToken);
        var totals = new CampaignTotals(record.Sent, record.Failed, record.Uncertain, record.WithMissingFields, record.Connections, rows.Count, record.Retries);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(CampaignOrchestrator),
            new CampaignCursor(record.RowKey, record.PacketsDone, totals, Started: true, Pass: basePass + 1),
            new StartOrchestrationOptions(instance),
            cancellationToken);
        return rows.Count;
    }
}
