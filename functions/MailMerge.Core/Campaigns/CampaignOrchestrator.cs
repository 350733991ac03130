using MailMerge.Sending;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MailMerge.Campaigns;

/// <summary>
/// Runs one e-mail campaign: waits for its start, sends packet after packet (spaced by the interval, or a few at
/// once when there is none), sums failures and halts at the error limit, publishes counts as custom status and
/// continues as new every <see cref="PacketsPerGeneration"/> packets so its history stays small at any list size.
/// </summary>
public sealed partial class CampaignOrchestrator : TaskOrchestrator<CampaignCursor, CampaignState>
{
    /// <summary>Packets sent before the orchestration continues as new.</summary>
    public const int PacketsPerGeneration = 20;

    private static readonly TaskOptions PacketRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <inheritdoc />
    public override async Task<CampaignState> RunAsync(TaskOrchestrationContext context, CampaignCursor input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<CampaignOrchestrator>();
        string id = input.CampaignId;
        CampaignTotals totals = input.Totals ?? new CampaignTotals();
        CampaignPlan plan = await context.CallActivityAsync<CampaignPlan>(nameof(LoadCampaignPlanActivity), id);

        if (!input.Started)
        {
            context.SetCustomStatus(Progress(CampaignState.Scheduled, 0, plan, totals));
            await WaitUntilAsync(context, plan.StartAt.UtcDateTime);
            await context.CallActivityAsync(nameof(RecordCampaignStateActivity), new CampaignTransition(id, CampaignState.Sending, context.CurrentUtcDateTime, totals, 0));
            LogStarted(log, id, plan.PacketCount);
        }

        int next = input.NextPacket;
        int sentThisGeneration = 0;
        bool stoppedAtLimit = false;
        context.SetCustomStatus(Progress(CampaignState.Sending, next, plan, totals));
        try
        {
            while (next < plan.PacketCount)
            {
                if (stoppedAtLimit || (plan.ErrorLimit > 0 && totals.Failed >= plan.ErrorLimit))
                {
                    return await FinishAsync(context, plan, id, CampaignState.Halted, next, totals, $"Stopped after {totals.Failed} failed recipients (error limit {plan.ErrorLimit}).");
                }

                DateTime packetStart = context.CurrentUtcDateTime;
                int budget = plan.ErrorLimit == 0 ? 0 : plan.ErrorLimit - totals.Failed;
                int parallel = PacketPlan.Parallel(plan.IntervalSeconds, plan.ErrorLimit, plan.Parallelism, plan.PacketCount - next);
                var packets = Enumerable.Range(next, parallel)
                    .Select(p => context.CallActivityAsync<PacketResult>(nameof(SendPacketActivity), new PacketRequest(id, p, plan.PacketSize, budget), PacketRetry))
                    .ToList();
                TaskFailedException? failure = null;
                foreach (Task<PacketResult> packet in packets)
                {
                    try
                    {
                        PacketResult result = await packet;
                        totals = totals.Add(result);
                        stoppedAtLimit |= result.StoppedAtErrorBudget;
                        if (result.FirstSendAt is { } firstSend && firstSend.UtcDateTime > packetStart)
                        {
                            // Space the packets by when they really started talking to the server, not when they were scheduled.
                            packetStart = firstSend.UtcDateTime;
                        }
                    }
                    catch (TaskFailedException failed)
                    {
                        // Wait for the packets running beside it, so their outcomes are all stored before the campaign ends.
                        failure ??= failed;
                    }
                }

                if (failure is not null)
                {
                    throw failure;
                }

                next += parallel;
                sentThisGeneration += parallel;
                context.SetCustomStatus(Progress(CampaignState.Sending, next, plan, totals));

                if (next < plan.PacketCount && plan.IntervalSeconds > 0)
                {
                    await WaitUntilAsync(context, packetStart.AddSeconds(plan.IntervalSeconds));
                }

                if (next < plan.PacketCount && sentThisGeneration >= PacketsPerGeneration && !stoppedAtLimit)
                {
                    context.ContinueAsNew(new CampaignCursor(id, next, totals, Started: true), preserveUnprocessedEvents: true);
                    return CampaignState.Sending;
                }
            }
        }
        catch (TaskFailedException failure)
        {
            LogFailed(log, id, next);
            string reason = failure.FailureDetails.ErrorType == typeof(PacketFailedException).FullName
                ? failure.FailureDetails.ErrorMessage
                : "Sending stopped on an unexpected error; see the host's logs.";
            return await FinishAsync(context, plan, id, CampaignState.Failed, next, totals, reason);
        }

        return stoppedAtLimit
            ? await FinishAsync(context, plan, id, CampaignState.Halted, next, totals, $"Stopped after {totals.Failed} failed recipients (error limit {plan.ErrorLimit}).")
            : await FinishAsync(context, plan, id, CampaignState.Completed, next, totals, null);
    }

    private static async Task<CampaignState> FinishAsync(
        TaskOrchestrationContext context, CampaignPlan plan, string id, CampaignState state, int packetsDone, CampaignTotals totals, string? reason)
    {
        await context.CallActivityAsync(nameof(RecordCampaignStateActivity), new CampaignTransition(id, state, context.CurrentUtcDateTime, totals, packetsDone, reason));
        context.SetCustomStatus(Progress(state, packetsDone, plan, totals));
        return state;
    }

    /// <summary>Waits for <paramref name="target"/>; re-arms because a storage-backed timer may fire a little early.</summary>
    private static async Task WaitUntilAsync(TaskOrchestrationContext context, DateTime target)
    {
        while (context.CurrentUtcDateTime < target)
        {
            await context.CreateTimer(target, CancellationToken.None);
        }
    }

    private static CampaignProgress Progress(CampaignState state, int packetsDone, CampaignPlan plan, CampaignTotals totals) =>
        new(state, packetsDone, plan.PacketCount, totals.Sent, totals.Failed, totals.Uncertain, totals.WithMissingFields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} started: {Packets} packets")]
    private static partial void LogStarted(ILogger logger, string campaignId, int packets);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} failed at packet {Packet}")]
    private static partial void LogFailed(ILogger logger, string campaignId, int packet);
}
