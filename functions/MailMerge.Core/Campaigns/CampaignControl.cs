using Azure;
using MailMerge.Recipients;
using Microsoft.DurableTask.Client;

namespace MailMerge.Campaigns;

/// <summary>
/// Starts drafts and pauses, resumes, cancels and re-times campaigns. The wish is written to the campaign's row
/// first (the packets read it between messages), then the orchestration is woken to act on it.
/// </summary>
public sealed class CampaignControl(
    CampaignStore campaigns, CampaignStatusReader status, RecipientTable recipients, Suppressions.SuppressionList suppressions, TimeProvider clock)
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    /// <summary>Starts a draft, at once or at the time the draft or <paramref name="request"/> gives; the suppression list is checked again.</summary>
    public async Task<CampaignCreation> StartAsync(string id, StartRequest? request, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        CampaignRecord? record = await campaigns.FindAsync(id, cancellationToken);
        if (record is null)
        {
            return new CampaignCreation(null, NoErrors, NotFound: true);
        }

        if (record.State != nameof(CampaignState.Draft))
        {
            return new CampaignCreation(id, NoErrors, Conflict: $"Only a draft can be started; this campaign is {record.State}.");
        }

        DateTimeOffset now = clock.GetUtcNow();
        if (record.EditToken is not null)
        {
            return new CampaignCreation(id, NoErrors, Conflict: record.EditUntil > now
                ? "A change of this draft is being stored; start it once that has finished."
                : "An earlier change of this draft did not finish, so its list may be incomplete; send the change again (PATCH, or PATCH {} to rebuild it as it stands) before starting.");
        }

        var errors = new Dictionary<string, List<string>>();
        DateTimeOffset startAt = now;
        bool hasTime = false;
        if (request is { StartAt: not null } or { StartAtLocal: not null } or { StartNow: true })
        {
            DateTimeOffset? requested = CampaignSchedule.Resolve(request.StartAt, request.StartAtLocal, request.StartNow, now, errors);
            (startAt, hasTime) = requested is { } at ? (at, true) : (now, false);
        }
        else if (record.HasStartTime)
        {
            if (record.StartAt < now - CampaignSchedule.Grace)
            {
                errors["startAt"] = ["The draft's start time has passed; give a new 'startAt' or 'startAtLocal', or \"startNow\": true."];
            }

            (startAt, hasTime) = (record.StartAt, true);
        }

        if (errors.Count > 0)
        {
            return new CampaignCreation(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        // Addresses suppressed since the draft was built do not get the message either.
        int newlySuppressed = await SuppressPendingAsync(id, cancellationToken);
        var columns = new Dictionary<string, object>
        {
            [nameof(CampaignRecord.State)] = nameof(CampaignState.Scheduled),
            [nameof(CampaignRecord.StartAt)] = hasTime ? startAt : clock.GetUtcNow(),
            [nameof(CampaignRecord.HasStartTime)] = hasTime,
            [nameof(CampaignRecord.Suppressed)] = record.Suppressed + newlySuppressed,
            [nameof(CampaignRecord.Sendable)] = record.Sendable - newlySuppressed,
        };
        if (!await campaigns.MergeAsync(id, columns, record.ETag, cancellationToken))
        {
            return new CampaignCreation(id, NoErrors, Conflict: "The campaign changed while this request ran (started twice?); read its status.");
        }

        await CampaignService.ScheduleOnceAsync(durable, id, cancellationToken);
        return new CampaignCreation(id, NoErrors, State: CampaignState.Scheduled);
    }

    /// <summary>Moves the start of a scheduled campaign that has not started yet.</summary>
    public async Task<CampaignCreation> RescheduleAsync(string id, StartRequest request, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (CampaignRecord? record, CampaignState state) = await ReadAsync(id, durable, cancellationToken);
        if (record is null)
        {
            return new CampaignCreation(null, NoErrors, NotFound: true);
        }

        if (state != CampaignState.Scheduled || !string.IsNullOrEmpty(record.Control))
        {
            return new CampaignCreation(id, NoErrors, Conflict: $"Only a scheduled campaign that has not started can be re-timed; this one is {state}." +
                (state == CampaignState.Draft ? " Change a draft's start with PATCH, or give the time when you start it." : string.Empty));
        }

        var errors = new Dictionary<string, List<string>>();
        DateTimeOffset now = clock.GetUtcNow();
        if (request is { StartAt: null, StartAtLocal: null, StartNow: not true })
        {
            errors["startAt"] = ["Give the new start: 'startAt' (with offset), 'startAtLocal' (local time and time zone), or \"startNow\": true."];
        }

        DateTimeOffset? requested = errors.Count > 0 ? null : CampaignSchedule.Resolve(request.StartAt, request.StartAtLocal, request.StartNow, now, errors);
        if (errors.Count > 0)
        {
            return new CampaignCreation(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        var columns = new Dictionary<string, object>
        {
            [nameof(CampaignRecord.StartAt)] = requested ?? now,
            [nameof(CampaignRecord.HasStartTime)] = requested is not null,
        };
        if (!await campaigns.MergeAsync(id, columns, record.ETag, cancellationToken))
        {
            return new CampaignCreation(id, NoErrors, Conflict: "The campaign changed while this request ran; read its status and try again.");
        }

        await durable.RaiseEventAsync(CampaignStatusReader.InstanceId(record), CampaignOrchestrator.ControlEvent, "reschedule", cancellationToken);
        return new CampaignCreation(id, NoErrors, State: CampaignState.Scheduled);
    }

    /// <summary>Pauses a sending campaign: no further message leaves until it is resumed.</summary>
    public async Task<CampaignCreation> PauseAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        (CampaignRecord? record, CampaignState state) = await ReadAsync(id, durable, cancellationToken);
        if (record is null)
        {
            return new CampaignCreation(null, NoErrors, NotFound: true);
        }

        if (record.Control == CampaignControlKind.Pause)
        {
            return new CampaignCreation(id, NoErrors, State: CampaignState.Paused);
        }

        if (state != CampaignState.Sending || !string.IsNullOrEmpty(record.Control))
        {
            return new CampaignCreation(id, NoErrors, Conflict: $"Only a sending campaign can be paused; this one is {state}." +
                (state == CampaignState.Scheduled ? " Re-time or cancel a scheduled one." : string.Empty));
        }

        return await SignalAsync(id, record, CampaignControlKind.Pause, CampaignState.Paused, durable, cancellationToken);
    }

    /// <summary>Resumes a paused campaign where it stopped.</summary>
    public async Task<CampaignCreation> ResumeAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        (CampaignRecord? record, CampaignState state) = await ReadAsync(id, durable, cancellationToken);
        if (record is null)
        {
            return new CampaignCreation(null, NoErrors, NotFound: true);
        }

        if (record.Control != CampaignControlKind.Pause)
        {
            return new CampaignCreation(id, NoErrors, Conflict: $"Only a paused campaign can be resumed; this one is {state}.");
        }

        return await SignalAsync(id, record, string.Empty, CampaignState.Sending, durable, cancellationToken);
    }

    /// <summary>Cancels a draft, scheduled, sending or paused campaign; its unsent recipients are marked Cancelled.</summary>
    public async Task<CampaignCreation> CancelAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        (CampaignRecord? record, CampaignState state) = await ReadAsync(id, durable, cancellationToken);
        if (record is null)
        {
            return new CampaignCreation(null, NoErrors, NotFound: true);
        }

        if (state == CampaignState.Draft)
        {
            var columns = new Dictionary<string, object>
            {
                [nameof(CampaignRecord.State)] = nameof(CampaignState.Cancelled),
                [nameof(CampaignRecord.Control)] = CampaignControlKind.Cancel,
                [nameof(CampaignRecord.StateReason)] = "Cancelled on request.",
                [nameof(CampaignRecord.CompletedAt)] = clock.GetUtcNow(),
            };
            if (!await campaigns.MergeAsync(id, columns, record.ETag, cancellationToken))
            {
                return new CampaignCreation(id, NoErrors, Conflict: "The campaign changed while this request ran; read its status and try again.");
            }

            int cancelled = await recipients.CancelPendingAsync(id, CancelRecipientsActivity.Reason, cancellationToken);
            await campaigns.MergeAsync(id, new Dictionary<string, object> { [nameof(CampaignRecord.Cancelled)] = cancelled }, cancellationToken: cancellationToken);
            return new CampaignCreation(id, NoErrors, State: CampaignState.Cancelled);
        }

        if (state is not (CampaignState.Scheduled or CampaignState.Sending or CampaignState.Paused) || record.Control == CampaignControlKind.Cancel)
        {
            return record.Control == CampaignControlKind.Cancel
                ? new CampaignCreation(id, NoErrors, State: CampaignState.Cancelled)
                : new CampaignCreation(id, NoErrors, Conflict: $"The campaign has ended ({state}); there is nothing to cancel.");
        }

        return await SignalAsync(id, record, CampaignControlKind.Cancel, CampaignState.Cancelled, durable, cancellationToken);
    }

    private async Task<CampaignCreation> SignalAsync(
        string id, CampaignRecord record, string control, CampaignState next, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!await campaigns.MergeAsync(id, new Dictionary<string, object> { [nameof(CampaignRecord.Control)] = control }, record.ETag, cancellationToken))
        {
            return new CampaignCreation(id, NoErrors, Conflict: "The campaign changed while this request ran; read its status and try again.");
        }

        await durable.RaiseEventAsync(CampaignStatusReader.InstanceId(record), CampaignOrchestrator.ControlEvent, next.ToString(), cancellationToken);
        return new CampaignCreation(id, NoErrors, State: next);
    }

    private async Task<(CampaignRecord? Record, CampaignState State)> ReadAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        CampaignStatus? live = await status.ReadAsync(id, durable, cancellationToken);
        CampaignRecord? record = live is null ? null : await campaigns.FindAsync(id, cancellationToken);
        return (record, live?.State ?? CampaignState.Draft);
    }

    private async Task<int> SuppressPendingAsync(string id, CancellationToken cancellationToken)
    {
        IReadOnlySet<string> suppressed = await suppressions.ReadKeysAsync(cancellationToken);
        if (suppressed.Count == 0)
        {
            return 0;
        }

        var marked = new List<RecipientRow>();
        await foreach (RecipientRow row in recipients.ReadAllAsync(id, cancellationToken))
        {
            if (row.Status == nameof(RecipientStatus.Pending) && suppressed.Contains(row.Email.ToLowerInvariant()))
            {
                row.Status = nameof(RecipientStatus.Suppressed);
                row.Reason = RecipientIntakeBuilder.SuppressedReason;
                marked.Add(row);
            }
        }

        await recipients.MergeOutcomesAsync(marked, cancellationToken);
        return marked.Count;
    }
}
