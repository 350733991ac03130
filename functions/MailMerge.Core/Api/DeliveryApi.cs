using MailMerge.Campaigns;
using MailMerge.Recipients;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace MailMerge.Api;

/// <summary>The delivery endpoints of a campaign: its report and "retry failed".</summary>
public sealed class DeliveryApi(CampaignStatusReader status, RecipientTable recipients, CampaignRetry retry)
{
    /// <summary>
    /// <c>GET /api/campaigns/{id}/report</c>: recipients counted by status from their rows, the campaign's SMTP
    /// connections and retries, and the links to the per-recipient report (JSON and CSV).
    /// </summary>
    public async Task<IResult> GetReportAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (!ResourceName.IsValid(id) || await status.ReadAsync(id, durable, cancellationToken) is not { } found)
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        RecipientCounts counts = await recipients.CountAsync(id, cancellationToken);
        return TypedResults.Ok(new CampaignReport(
            found.Id,
            found.Name,
            found.State,
            found.Reason,
            new Dictionary<string, int>
            {
                [nameof(RecipientStatus.Sent)] = counts.Sent,
                [nameof(RecipientStatus.Failed)] = counts.Failed,
                [nameof(RecipientStatus.Deferred)] = counts.Deferred,
                [nameof(RecipientStatus.Uncertain)] = counts.Uncertain,
                [nameof(RecipientStatus.Pending)] = counts.Pending,
                [nameof(RecipientStatus.Duplicate)] = counts.Duplicates,
                [nameof(RecipientStatus.Invalid)] = counts.Invalid,
                [nameof(RecipientStatus.Excluded)] = counts.Excluded,
                [nameof(RecipientStatus.Suppressed)] = counts.Suppressed,
            },
            counts.WithMissingFields,
            found.Delivery,
            $"/api/campaigns/{id}/recipients",
            $"/api/campaigns/{id}/recipients?format=csv"));
    }

    /// <summary>
    /// <c>POST /api/campaigns/{id}/retry-failed</c>: sends again to the recipients that ended in a transient failure.
    /// 202 with the round started (or already running); 200 when there is nothing to retry; 409 while the first pass runs.
    /// </summary>
    public async Task<IResult> RetryFailedAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (!ResourceName.IsValid(id))
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        RetryFailedResult result = await retry.RetryFailedAsync(id, durable, cancellationToken);
        if (!result.Found)
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        if (result.StillSending)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "The campaign is still sending.",
                "Its own retry passes are still running; retry failed recipients once the campaign has ended.");
        }

        string url = $"/api/campaigns/{id}";
        var body = new { id, round = result.Round, requeued = result.Requeued, alreadyRunning = result.AlreadyRunning, statusUrl = url };
        return result.Requeued == 0 && !result.AlreadyRunning ? TypedResults.Ok(body) : TypedResults.Accepted(url, body);
    }
}
