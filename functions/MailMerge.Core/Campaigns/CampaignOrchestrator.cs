using MailMerge.Sending;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MailMerge.Campaigns;

/// <summary>
/// Runs one e-mail campaign: waits for its start on a durable timer, sends packet after packet (spaced by the
/// interval, or a few at once when there is none), sums failures and halts at the error limit, runs retry passes
/// for transient refusals, obeys pause, resume, cancel and re-timing, publishes counts as custom status and
/// continues as new every <see cref="PacketsPerGeneration"/> packets so its history stays small at any list size.
/// </summary>
/// <remarks>
/// What the caller asked for (pause, cancel, a new start time) lives in the campaign's row, which the packets
/// also read while they send; the <see cref="ControlEvent"/> event only wakes the orchestration to reload it.
/// </remarks>
public sealed partial class CampaignOrchestrator : TaskOrchestrator<CampaignCursor, CampaignState>
{
    /// <summary>Packets sent before the orchestration continues as new.</summary>
    public const int PacketsPerGeneration = 20;

    /// <summary>Pass numbers of one retry round: round × this + n. "Retry failed" starts a new round.</summary>
    public const int RetryPassesPerRound = 100;

    /// <summary>Retry passes a round runs at most (rows run out of attempts well before; this only bounds a loop).</summary>
    public const int MaxRetryPasses = 2 * CampaignLimits.MaxAttempts;

    /// <summary>The external event that tells the orchestration its campaign's row changed (pause, resume, cancel, re-time).</summary>
    public const string ControlEvent = "Control";

    /// <summary>How a packet that failed as a whole runs again (the plan carries the configured attempts and first wait).</summary>
    private static TaskOptions PacketRetry(CampaignPlan plan) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: Math.Max(1, plan.PacketAttempts),
        firstRetryInterval: TimeSpan.FromSeconds(Math.Max(0.1, plan.PacketRetrySeconds)),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(2)));

    /// <inheritdoc />
    public override async Task<CampaignState> RunAsync(TaskOrchestrationContext context, CampaignCursor input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<CampaignOrchestrator>();
        string id = input.CampaignId;
        var run = new Run(await LoadPlanAsync(context, id), context.WaitForExternalEvent<string>(ControlEvent), input.Totals ?? new CampaignTotals());

        if (!input.Started)
        {
            while (run.Plan.Control == CampaignControlKind.Cancel || context.CurrentUtcDateTime < run.Plan.StartAt.UtcDateTime)
            {
                if (run.Plan.Control == CampaignControlKind.Cancel)
                {
                    return await CancelAsync(context, run, id, 0);
                }

                context.SetCustomStatus(Progress(CampaignState.Scheduled, 0, run.Plan, run.Totals, 0));
                if (await WaitOrWakeAsync(context, run.Plan.StartAt.UtcDateTime, run.Nudge))
                {
                    await ReloadAsync(context, run, id);
                }
            }

            await context.CallActivityAsync(nameof(RecordCampaignStateActivity), new CampaignTransition(id, CampaignState.Sending, context.CurrentUtcDateTime, run.Totals, 0));
            LogStarted(log, id, run.Plan.PacketCount);
        }

        int next = input.NextPacket;
        int sentThisGeneration = 0;
        bool stoppedAtLimit = false;
        context.SetCustomStatus(Progress(CampaignState.Sending, next, run.Plan, run.Totals, input.Pass));
        try
        {
            while (input.Pass == 0 && next < run.Plan.PacketCount)
            {
                if (await ObeyControlAsync(context, run, id, next, 0) is { } ended)
                {
                    return ended;
                }

                if (stoppedAtLimit || (run.Plan.ErrorLimit > 0 && run.Totals.Failed >= run.Plan.ErrorLimit))
                {
                    return await HaltAsync(context, run, id, next);
                }

                // Packets spaced by an interval (or counted against an error limit) go one at a time; otherwise the rest of
                // this generation goes through a window of parallel packets, the next one starting as soon as any ends.
                int left = run.Plan.PacketCount - next;
                int parallel = PacketPlan.Parallel(run.Plan.IntervalSeconds, run.Plan.ErrorLimit, run.Plan.Parallelism, left);
                int count = parallel > 1 ? Math.Min(left, Math.Max(parallel, PacketsPerGeneration - sentThisGeneration)) : parallel;
                Batch batch = await SendPacketsAsync(context, run, id, Enumerable.Range(next, count).ToList(), parallel, 0, next, next + count < run.Plan.PacketCount);
                stoppedAtLimit = batch.StoppedAtLimit;
                next += batch.Done;
                sentThisGeneration += batch.Done;
                context.SetCustomStatus(Progress(CampaignState.Sending, next, run.Plan, run.Totals, 0));
                if (batch.StoppedByControl)
                {
                    run.Reload = true;
                    continue;
                }

                if (batch.WaitUntil is { } due)
                {
                    await WaitIntervalAsync(context, run, id, due);
                }

                if (next < run.Plan.PacketCount && sentThisGeneration >= PacketsPerGeneration && !stoppedAtLimit && !run.Nudge.IsCompleted && run.Plan.Control is null)
                {
                    context.ContinueAsNew(new CampaignCursor(id, next, run.Totals, Started: true), preserveUnprocessedEvents: true);
                    return CampaignState.Sending;
                }
            }

            // Retry passes: recipients a server refused for now (4xx) go again, each pass waiting out their backoff.
            int pass = Math.Max(input.Pass, 1);
            while (!stoppedAtLimit)
            {
                if (await ObeyControlAsync(context, run, id, next, pass) is { } ended)
                {
                    return ended;
                }

                if (run.Plan.ErrorLimit > 0 && run.Totals.Failed >= run.Plan.ErrorLimit)
                {
                    return await HaltAsync(context, run, id, next);
                }

                DeferredPackets deferred = await context.CallActivityAsync<DeferredPackets>(
                    nameof(FindDeferredActivity), new DeferredQuery(id, pass, run.Plan.PacketSize));
                if (deferred.Packets.Count == 0 || pass % RetryPassesPerRound > MaxRetryPasses)
                {
                    break;
                }

                context.SetCustomStatus(Progress(CampaignState.Sending, next, run.Plan, run.Totals, pass));
                if (!await WaitIntervalAsync(context, run, id, deferred.NotBefore.UtcDateTime))
                {
                    continue;
                }

                List<int> packets = deferred.Packets.Take(PacketsPerGeneration).ToList();
                bool interrupted = false;
                for (int i = 0; i < packets.Count && !stoppedAtLimit && !interrupted;)
                {
                    int parallel = PacketPlan.Parallel(run.Plan.IntervalSeconds, run.Plan.ErrorLimit, run.Plan.Parallelism, packets.Count - i);
                    int count = parallel > 1 ? packets.Count - i : parallel;
                    Batch batch = await SendPacketsAsync(context, run, id, packets.GetRange(i, count), parallel, pass, next, i + count < packets.Count);
                    stoppedAtLimit = batch.StoppedAtLimit;
                    i += batch.Done;
                    interrupted = batch.StoppedByControl || (batch.WaitUntil is { } due && !await WaitIntervalAsync(context, run, id, due));
                }

                if (interrupted)
                {
                    // Paused or cancelled mid-pass: the rows not yet taken up are still Deferred for this pass.
                    run.Reload = true;
                    continue;
                }

                // A pass with more packets than one generation holds goes on where it stopped: the rows it already
                // took up carry this pass's number and so are not listed again.
                int nextPass = deferred.Packets.Count > packets.Count ? pass : pass + 1;
                if (!stoppedAtLimit)
                {
                    context.ContinueAsNew(new CampaignCursor(id, next, run.Totals, Started: true, nextPass), preserveUnprocessedEvents: true);
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
            return await FinishAsync(context, run, id, CampaignState.Failed, next, reason);
        }

        return stoppedAtLimit
            ? await HaltAsync(context, run, id, next)
            : await FinishAsync(context, run, id, CampaignState.Completed, next, null);
    }

    /// <summary>
    /// Acts on the campaign's row when the orchestration was woken or a packet stopped early: waits while it is
    /// paused, and ends the campaign when it is cancelled (the final state; null when sending goes on).
    /// </summary>
    private static async Task<CampaignState?> ObeyControlAsync(TaskOrchestrationContext context, Run run, string id, int next, int pass)
    {
        if (run.Reload || run.Nudge.IsCompleted)
        {
            await ReloadAsync(context, run, id);
        }

        if (run.Plan.Control == CampaignControlKind.Pause)
        {
            await context.CallActivityAsync(nameof(RecordCampaignStateActivity), new CampaignTransition(id, CampaignState.Paused, context.CurrentUtcDateTime, run.Totals, next));
            context.SetCustomStatus(Progress(CampaignState.Paused, next, run.Plan, run.Totals, pass));
            while (run.Plan.Control == CampaignControlKind.Pause)
            {
                await run.Nudge;
                await ReloadAsync(context, run, id);
            }

            if (run.Plan.Control != CampaignControlKind.Cancel)
            {
                await context.CallActivityAsync(nameof(RecordCampaignStateActivity), new CampaignTransition(id, CampaignState.Sending, context.CurrentUtcDateTime, run.Totals, next));
                context.SetCustomStatus(Progress(CampaignState.Sending, next, run.Plan, run.Totals, pass));
            }
        }

        return run.Plan.Control == CampaignControlKind.Cancel ? await CancelAsync(context, run, id, next) : null;
    }

    /// <summary>Waits until <paramref name="due"/>; false when a pause or cancel interrupted the wait (the caller obeys it first).</summary>
    private static async Task<bool> WaitIntervalAsync(TaskOrchestrationContext context, Run run, string id, DateTime due)
    {
        while (context.CurrentUtcDateTime < due)
        {
            if (await WaitOrWakeAsync(context, due, run.Nudge))
            {
                await ReloadAsync(context, run, id);
                if (run.Plan.Control is not null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static async Task ReloadAsync(TaskOrchestrationContext context, Run run, string id)
    {
        if (run.Nudge.IsCompleted)
        {
            run.Nudge = context.WaitForExternalEvent<string>(ControlEvent);
        }

        run.Plan = await LoadPlanAsync(context, id);
        run.Reload = false;
    }

    /// <summary>
    /// Sends <paramref name="packetNumbers"/> in order through a window of <paramref name="window"/> packets at once
    /// (each its own activity and connection): whenever one ends the next starts, so a slow packet never holds the
    /// others back. Outcomes are counted in packet order, so the cursor always means "every packet before it is done".
    /// A packet stopped by a pause or cancel, and every packet after it, count as not done: they run again (sending
    /// only what is still due) once the campaign goes on. When a packet fails, or a control event arrives, no further
    /// packet starts and the ones running are waited for, so their outcomes are all stored before the campaign acts.
    /// </summary>
    private static async Task<Batch> SendPacketsAsync(
        TaskOrchestrationContext context, Run run, string id, List<int> packetNumbers, int window, int pass, int packetsDoneBefore, bool moreFollow)
    {
        DateTime packetStart = context.CurrentUtcDateTime;
        int budget = run.Plan.ErrorLimit == 0 ? 0 : run.Plan.ErrorLimit - run.Totals.Failed;
        var results = new PacketResult?[packetNumbers.Count];
        TaskOptions retry = PacketRetry(run.Plan);
        var running = new List<(Task<PacketResult> Task, int Index)>(window);
        bool stoppedAtLimit = false, stopStarting = false;
        int started = 0, committed = 0, done = packetNumbers.Count;
        TaskFailedException? failure = null;
        while (running.Count > 0 || (!stopStarting && started < packetNumbers.Count))
        {
            while (!stopStarting && started < packetNumbers.Count && running.Count < Math.Max(1, window))
            {
                var request = new PacketRequest(id, packetNumbers[started], run.Plan.PacketSize, budget, pass);
                running.Add((context.CallActivityAsync<PacketResult>(nameof(SendPacketActivity), request, retry), started));
                started++;
            }

            Task<PacketResult> ended = await Task.WhenAny(running.Select(r => r.Task));
            int slot = running.FindIndex(r => r.Task == ended);
            int index = running[slot].Index;
            running.RemoveAt(slot);
            try
            {
                PacketResult result = await ended;
                if (result.StoppedByControl)
                {
                    done = Math.Min(done, index);
                    stopStarting = true;
                }
                else
                {
                    results[index] = result;
                    stopStarting |= result.StoppedAtErrorBudget;
                }
            }
            catch (TaskFailedException failed)
            {
                failure ??= failed;
                done = Math.Min(done, index);
                stopStarting = true;
            }

            // A pause or cancel: the running packets see it themselves; no new one starts.
            stopStarting |= run.Nudge.IsCompleted;
            for (; committed < Math.Min(done, started) && results[committed] is { } next; committed++)
            {
                run.Totals = run.Totals.Add(next);
                stoppedAtLimit |= next.StoppedAtErrorBudget;
                if (next.FirstSendAt is { } firstSend && firstSend.UtcDateTime > packetStart)
                {
                    // Space the packets by when they really started talking to the server, not when they were scheduled.
                    packetStart = firstSend.UtcDateTime;
                }
            }

            if (window > 1 && running.Count > 0)
            {
                context.SetCustomStatus(Progress(CampaignState.Sending, packetsDoneBefore + (pass == 0 ? committed : 0), run.Plan, run.Totals, pass));
            }
        }

        if (failure is not null)
        {
            // The campaign ends here: count every packet that did finish, so the final counts match the rows.
            foreach (PacketResult? finished in results.Skip(committed))
            {
                run.Totals = finished is null ? run.Totals : run.Totals.Add(finished);
            }

            throw failure;
        }

        bool stoppedByControl = committed < packetNumbers.Count && !stoppedAtLimit;
        DateTime? waitUntil = moreFollow && !stoppedAtLimit && !stoppedByControl && run.Plan.IntervalSeconds > 0
            ? packetStart.AddSeconds(run.Plan.IntervalSeconds)
            : null;
        return new Batch(committed, stoppedAtLimit, stoppedByControl, waitUntil);
    }

    private static Task<CampaignPlan> LoadPlanAsync(TaskOrchestrationContext context, string id) =>
        context.CallActivityAsync<CampaignPlan>(nameof(LoadCampaignPlanActivity), id);

    private static async Task<CampaignState> CancelAsync(TaskOrchestrationContext context, Run run, string id, int packetsDone)
    {
        await context.CallActivityAsync<int>(nameof(CancelRecipientsActivity), id);
        return await FinishAsync(context, run, id, CampaignState.Cancelled, packetsDone, "Cancelled on request.");
    }

    private static Task<CampaignState> HaltAsync(TaskOrchestrationContext context, Run run, string id, int packetsDone) =>
        FinishAsync(context, run, id, CampaignState.Halted, packetsDone, $"Stopped after {run.Totals.Failed} failed recipients (error limit {run.Plan.ErrorLimit}).");

    private static async Task<CampaignState> FinishAsync(TaskOrchestrationContext context, Run run, string id, CampaignState state, int packetsDone, string? reason)
    {
        await context.CallActivityAsync(nameof(RecordCampaignStateActivity), new CampaignTransition(id, state, context.CurrentUtcDateTime, run.Totals, packetsDone, reason));
        context.SetCustomStatus(Progress(state, packetsDone, run.Plan, run.Totals, 0));
        return state;
    }

    /// <summary>
    /// Waits for <paramref name="target"/> or the control event, whichever comes first; true when the event woke it.
    /// A storage-backed timer may fire a little early, so callers loop until the time has really come.
    /// </summary>
    private static async Task<bool> WaitOrWakeAsync(TaskOrchestrationContext context, DateTime target, Task<string> nudge)
    {
        using var cancel = new CancellationTokenSource();
        Task timer = context.CreateTimer(target, cancel.Token);
        if (await Task.WhenAny(timer, nudge) == nudge)
        {
            // Synchronously: an awaited CancelAsync would resume on the thread pool, outside the orchestration's replay.
#pragma warning disable CA1849
            cancel.Cancel();
#pragma warning restore CA1849
            return true;
        }

        return false;
    }

    private static CampaignProgress Progress(CampaignState state, int packetsDone, CampaignPlan plan, CampaignTotals totals, int pass) =>
        new(state, packetsDone, plan.PacketCount, totals.Sent, totals.Failed, totals.Uncertain, totals.WithMissingFields,
            totals.Deferred, totals.Connections, totals.Retries, pass % RetryPassesPerRound);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} started: {Packets} packets")]
    private static partial void LogStarted(ILogger logger, string campaignId, int packets);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} failed at packet {Packet}")]
    private static partial void LogFailed(ILogger logger, string campaignId, int packet);

    /// <summary>What one generation carries between its steps: the plan as last loaded, the pending wake-up and the counts.</summary>
    private sealed class Run(CampaignPlan plan, Task<string> nudge, CampaignTotals totals)
    {
        public CampaignPlan Plan { get; set; } = plan;

        public Task<string> Nudge { get; set; } = nudge;

        public CampaignTotals Totals { get; set; } = totals;

        public bool Reload { get; set; }
    }

    /// <summary>How a set of packets sent at once went.</summary>
    private sealed record Batch(int Done, bool StoppedAtLimit, bool StoppedByControl, DateTime? WaitUntil);
}
