using Microsoft.DurableTask;

namespace MailMerge.Campaigns;

/// <summary>
/// Writes a campaign's state change and counts to its row (only those columns, so a pause or cancel the API
/// writes meanwhile is never undone). Running it twice writes the same values.
/// </summary>
public sealed class RecordCampaignStateActivity(CampaignStore campaigns, Recipients.RecipientTable recipients) : TaskActivity<CampaignTransition, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CampaignTransition input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CampaignRecord record = await campaigns.FindAsync(input.CampaignId) ?? throw new InvalidOperationException($"Campaign {input.CampaignId} does not exist.");
        var columns = new Dictionary<string, object>
        {
            [nameof(CampaignRecord.State)] = input.State.ToString(),
            [nameof(CampaignRecord.StateReason)] = input.Reason ?? string.Empty,
            [nameof(CampaignRecord.Sent)] = input.Totals.Sent,
            [nameof(CampaignRecord.Failed)] = input.Totals.Failed,
            [nameof(CampaignRecord.Uncertain)] = input.Totals.Uncertain,
            [nameof(CampaignRecord.WithMissingFields)] = input.Totals.WithMissingFields,
            [nameof(CampaignRecord.Deferred)] = input.Totals.Deferred,
            [nameof(CampaignRecord.Connections)] = input.Totals.Connections,
            [nameof(CampaignRecord.Retries)] = input.Totals.Retries,
            [nameof(CampaignRecord.PacketsDone)] = input.PacketsDone,
        };
        if (input.State == CampaignState.Sending)
        {
            columns[nameof(CampaignRecord.StartedAt)] = record.StartedAt ?? input.At;
        }
        else if (input.State is CampaignState.Completed or CampaignState.Halted or CampaignState.Failed or CampaignState.Cancelled)
        {
            // The final counts come from the rows themselves: they hold every outcome, also those of a packet
            // that failed part-way and so never reported its counts to the orchestration.
            Recipients.RecipientCounts counts = await recipients.CountAsync(input.CampaignId);
            columns[nameof(CampaignRecord.Sent)] = counts.Sent;
            columns[nameof(CampaignRecord.Failed)] = counts.Failed;
            columns[nameof(CampaignRecord.Uncertain)] = counts.Uncertain;
            columns[nameof(CampaignRecord.WithMissingFields)] = counts.WithMissingFields;
            columns[nameof(CampaignRecord.Deferred)] = counts.Deferred;
            columns[nameof(CampaignRecord.Cancelled)] = counts.Cancelled;
            columns[nameof(CampaignRecord.StartedAt)] = record.StartedAt ?? input.At;
            columns[nameof(CampaignRecord.CompletedAt)] = input.At;
        }

        await campaigns.MergeAsync(input.CampaignId, columns);
        return true;
    }
}
