using System.Text.Json;
using MailMerge.Json;
using Microsoft.DurableTask.Client;

namespace MailMerge.Campaigns;

/// <summary>
/// Builds a campaign's status: the campaign row for what is settled, the orchestration's custom status for
/// the live counts of a campaign that is still sending.
/// </summary>
public sealed class CampaignStatusReader(CampaignStore campaigns)
{
    /// <summary>The status, or null when there is no such campaign.</summary>
    public async Task<CampaignStatus?> ReadAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        CampaignRecord? record = await campaigns.FindAsync(id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var state = Enum.Parse<CampaignState>(record.State);
        var totals = new CampaignTotals(record.Sent, record.Failed, record.Uncertain, record.WithMissingFields, record.Connections, record.Deferred, record.Retries);
        int retryPass = 0;
        int packetsDone = record.PacketsDone;
        if (state is CampaignState.Scheduled or CampaignState.Sending or CampaignState.Paused)
        {
            // Custom status travels with inputs and outputs over the sidecar's API; both are small here (a cursor, a state).
            OrchestrationMetadata? instance = await durable.GetInstanceAsync(InstanceId(record), getInputsAndOutputs: true, cancellationToken);
            if (instance?.SerializedCustomStatus is { Length: > 0 } json && JsonSerializer.Deserialize<CampaignProgress>(json, MailMergeJson.Options) is { } progress)
            {
                state = progress.State;
                totals = new CampaignTotals(progress.Sent, progress.Failed, progress.Uncertain, progress.WithMissingFields, progress.Connections, progress.Deferred, progress.Retries);
                packetsDone = progress.PacketsDone;
                retryPass = progress.RetryPass;
            }
        }

        int pending = Math.Max(0, record.Sendable - totals.Sent - totals.Failed - totals.Uncertain - totals.Deferred - record.Cancelled);
        return new CampaignStatus(
            record.RowKey,
            record.Name,
            state,
            string.IsNullOrEmpty(record.StateReason) ? null : record.StateReason,
            new CampaignCounts(record.Total, totals.Sent, totals.Failed, totals.Uncertain, record.Duplicates + record.Invalid + record.Excluded + record.Suppressed,
                record.Duplicates, record.Invalid, pending, totals.WithMissingFields, record.Excluded, record.Suppressed, totals.Deferred, record.Cancelled),
            new PacketCounts(packetsDone, PacketPlan.Count(record.SendRows, record.PacketSize), record.PacketSize, record.IntervalSeconds),
            record.CreatedAt,
            record.State == nameof(CampaignState.Draft) && !record.HasStartTime ? null : record.StartAt,
            record.StartedAt,
            record.CompletedAt,
            $"/api/campaigns/{record.RowKey}/recipients",
            new DeliveryTotals(totals.Connections, totals.Retries, record.MaxAttempts, record.RetryDelaySeconds, retryPass, record.RetryRound));
    }

    /// <summary>The orchestration instance running the campaign now: its own id, or the latest "retry failed" round's.</summary>
    public static string InstanceId(CampaignRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.RetryRound == 0 ? record.RowKey : $"{record.RowKey}-r{record.RetryRound}";
    }
}
