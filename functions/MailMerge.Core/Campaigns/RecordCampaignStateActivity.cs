using Microsoft.DurableTask;

namespace MailMerge.Campaigns;

/// <summary>Writes a campaign's state change and counts to its row. Running it twice writes the same values.</summary>
public sealed class RecordCampaignStateActivity(CampaignStore campaigns, Recipients.RecipientTable recipients) : TaskActivity<CampaignTransition, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CampaignTransition input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CampaignRecord record = await campaigns.FindAsync(input.CampaignId) ?? throw new InvalidOperationException($"Campaign {input.CampaignId} does not exist.");
        record.State = input.State.ToString();
        record.StateReason = input.Reason;
        record.Sent = input.Totals.Sent;
        record.Failed = input.Totals.Failed;
        record.Uncertain = input.Totals.Uncertain;
        record.WithMissingFields = input.Totals.WithMissingFields;
        record.Deferred = input.Totals.Deferred;
        record.Connections = input.Totals.Connections;
        record.Retries = input.Totals.Retries;
        record.PacketsDone = input.PacketsDone;
        if (input.State == CampaignState.Sending)
        {
            record.StartedAt ??= input.At;
        }
        else if (input.State is CampaignState.Completed or CampaignState.Halted or CampaignState.Failed)
        {
            // The final counts come from the rows themselves: they hold every outcome, also those of a packet
            // that failed part-way and so never reported its counts to the orchestration.
            Recipients.RecipientCounts counts = await recipients.CountAsync(input.CampaignId);
            record.Sent = counts.Sent;
            record.Failed = counts.Failed;
            record.Uncertain = counts.Uncertain;
            record.WithMissingFields = counts.WithMissingFields;
            record.Deferred = counts.Deferred;
            record.StartedAt ??= input.At;
            record.CompletedAt = input.At;
        }

        await campaigns.UpsertAsync(record);
        return true;
    }
}
