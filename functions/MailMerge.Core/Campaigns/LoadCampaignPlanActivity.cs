using MailMerge.Sending;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace MailMerge.Campaigns;

/// <summary>Loads the numbers the orchestrator paces a campaign by.</summary>
public sealed class LoadCampaignPlanActivity(CampaignStore campaigns, IOptions<SendingOptions> sending) : TaskActivity<string, CampaignPlan>
{
    /// <inheritdoc />
    public override async Task<CampaignPlan> RunAsync(TaskActivityContext context, string input)
    {
        CampaignRecord record = await campaigns.FindAsync(input) ?? throw new InvalidOperationException($"Campaign {input} does not exist.");
        return new CampaignPlan(
            PacketPlan.Count(record.SendRows, record.PacketSize),
            record.PacketSize,
            record.IntervalSeconds,
            record.ErrorLimit,
            record.StartAt,
            sending.Value.MaxParallelPackets,
            record.RetryDelaySeconds,
            string.IsNullOrEmpty(record.Control) ? null : record.Control,
            sending.Value.PacketAttempts,
            sending.Value.PacketRetrySeconds);
    }
}
