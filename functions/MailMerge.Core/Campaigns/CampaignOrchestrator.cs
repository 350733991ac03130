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

    /// <summary>Pass numbers of one retry round: round × this + n. "Retry failed" starts a new round.</summary>
    public const int RetryPassesPerRound = 100;

    /// <summary>Retry passes a round runs at most (rows run out of attempts well before; this only bounds a loop).</summary>
    public const int MaxRetryPasses = 2 * CampaignLimits.MaxAttempts;

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
            context.SetCustomStatus(Progress(CampaignState.Scheduled, 0, plan, totals, 0));
            await WaitUntilAsync(context, plan.StartAt.UtcDateTime);
            await context.CallActivityAsync(nameof(RecordCampaignStateActivity), new CampaignTransition(id, CampaignState.Sending, context.CurrentUtcDateTime, totals, 0));
            LogStarted(log, id, plan.PacketCount);
        }

        int next = input.NextPacket;
        int sentThisGeneration = 0;
        bool stoppedAtLimit = false;
        context.SetCustomStatus(Progress(CampaignState.Sending, next, plan, totals, input.Pass));
        try
        {
            while (input.Pass == 0 && next < plan.PacketCount)
            {
                if (stoppedAtLimit || (plan.ErrorLimit > 0 && totals.Failed >= plan.ErrorLimit))
                {
                    return await HaltAsync(context, plan, id, next, totals);
                }

                int parallel = PacketPlan.Parallel(plan.IntervalSeconds, plan.ErrorLimit, plan.Parallelism, plan.PacketCount - next);
                (totals, stoppedAtLimit) = await SendPacketsAsync(context, plan, id, Enumerable.Range(next, parallel).ToList(), 0, totals, next + parallel < plan.PacketCount);
                next += parallel;
                sentThisGeneration += parallel;
                context.SetCustomStatus(Progress(CampaignState.Sending, next, plan, totals, 0));

                if (next < plan.PacketCount && sentThisGeneration >= PacketsPerGeneration && !stoppedAtLimit)
                {
                    context.ContinueAsNew(new CampaignCursor(id, next, totals, Started: true), preserveUnprocessedEvents: true);
                    return CampaignState.Sending;
                }
            }

            // Retry passes: recipients a server refused for now (4xx) go again, each pass waiting out their backoff.
            int pass = Math.Max(input.Pass, 1);
            while (!stoppedAtLimit)
            {
                if (plan.ErrorLimit > 0 && totals.Failed >= plan.ErrorLimit)
                {
                    return await HaltAsync(context, plan, id, next, totals);
                }

                DeferredPackets deferred = await context.CallActivityAsync<DeferredPackets>(
                    nameof(FindDeferredActivity), new DeferredQuery(id, pass, plan.PacketSize));
                if (deferred.Packets.Count == 0 || pass % RetryPassesPerRound > MaxRetryPasses)
                {
                    break;
                }

                context.SetCustomStatus(Progress(CampaignState.Sending, next, plan, totals, pass));
                await WaitUntilAsync(context, deferred.NotBefore.UtcDateTime);
                List<int> packets = deferred.Packets.Take(PacketsPerGeneration).ToList();
                for (int i = 0; i < packets.Count && !stoppedAtLimit;)
                {
                    int parallel = PacketPlan.Parallel(plan.IntervalSeconds, plan.ErrorLimit, plan.Parallelism, packets.Count - i);
                    (totals, stoppedAtLimit) = await SendPacketsAsync(context, plan, id, packets.GetRange(i, parallel), pass, totals, i + parallel < packets.Count);
                    i += parallel;
                }

                // A pass with more packets than one generation holds goes on where it stopped: the rows it already
                // took up carry this pass's number and so are not listed again.
                int nextPass = deferred.Packets.Count > packets.Count ? pass : pass + 1;
                if (!stoppedAtLimit)
                {
                    context.ContinueAsNew(new CampaignCursor(id, next, totals, Started: true, nextPass), preserveUnprocessedEvents: true);
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
            ? await HaltAsync(context, plan, id, next, totals)
            : await FinishAsync(context, plan, id, CampaignState.Completed, next, totals, null);
    }

    /// <summary>
    /// Sends packets at once (each its own activity and connection), waits for all of them so their outcomes are
    /// stored even when one fails, and keeps the interval between packet starts.
    /// </summary>
    private static async Task<(CampaignTotals Totals, bool StoppedAtLimit)> SendPacketsAsync(
        TaskOrchestrationContext context, CampaignPlan plan, string id, List<int> packetNumbers, int pass, CampaignTotals totals, bool moreFollow)
    {
        DateTime packetStart = context.CurrentUtcDateTime;
        int budget = plan.ErrorLimit == 0 ? 0 : plan.ErrorLimit - totals.Failed;
        bool stoppedAtLimit = false;
        var packets = packetNumbers
            .Select(p => context.CallActivityAsync<PacketResult>(nameof(SendPacketActivity), new PacketRequest(id, p, plan.PacketSize, budget, pass), PacketRetry))
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

        if (moreFollow && !stoppedAtLimit && plan.IntervalSeconds > 0)
        {
            await WaitUntilAsync(context, packetStart.AddSeconds(plan.IntervalSeconds));
        }

        return (totals, stoppedAtLimit);
    }

    private static Task<CampaignState> HaltAsync(TaskOrchestrationContext context, CampaignPlan plan, string id, int packetsDone, CampaignTotals totals) =>
        FinishAsync(context, plan, id, CampaignState.Halted, packetsDone, totals, $"Stopped after {totals.Failed} failed recipients (error limit {plan.ErrorLimit}).");

    private static async Task<CampaignState> FinishAsync(
        TaskOrchestrationContext context, CampaignPlan plan, string id, CampaignState state, int packetsDone, CampaignTotals totals, string? reason)
    {
        await context.CallActivityAsync(nameof(RecordCampaignStateActivity), new CampaignTransition(id, state, context.CurrentUtcDateTime, totals, packetsDone, reason));
        context.SetCustomStatus(Progress(state, packetsDone, plan, totals, 0));
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

    private static CampaignProgress Progress(CampaignState state, int packetsDone, CampaignPlan plan, CampaignTotals totals, int pass) =>
        new(state, packetsDone, plan.PacketCount, totals.Sent, totals.Failed, totals.Uncertain, totals.WithMissingFields,
            totals.Deferred, totals.Connections, totals.Retries, pass % RetryPassesPerRound);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} started: {Packets} packets")]
    private static partial void LogStarted(ILogger logger, string campaignId, int packets);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} failed at packet {Packet}")]
    private static partial void LogFailed(ILogger logger, string campaignId, int packet);
}
