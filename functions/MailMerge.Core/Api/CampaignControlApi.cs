using System.Text.Json.Nodes;
using MailMerge.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace MailMerge.Api;

/// <summary>Changing drafts, starting them, and pausing, resuming, cancelling and re-timing campaigns.</summary>
public sealed class CampaignControlApi(CampaignService service, CampaignControl control)
{
    private const long MaxPatchBytes = 64 * 1024 * 1024;

    /// <summary><c>PATCH /api/campaigns/{id}</c>: changes a draft (JSON merge patch of its create request); 400 naming bad fields, 409 when not a draft.</summary>
    public async Task<IResult> UpdateAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        if (!ResourceName.IsValid(id))
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        (JsonObject? patch, IResult? problem) = await RequestBody.ReadJsonAsync<JsonObject>(request, MaxPatchBytes, cancellationToken);
        return patch is null ? problem! : Answer(id, await service.UpdateDraftAsync(id, patch, cancellationToken), StatusCodes.Status200OK);
    }

    /// <summary><c>POST /api/campaigns/{id}/start</c>: starts a draft (optional body: <c>startAt</c>, <c>startAtLocal</c> or <c>startNow</c>).</summary>
    public async Task<IResult> StartAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceName.IsValid(id))
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        StartRequest? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            (body, IResult? problem) = await RequestBody.ReadJsonAsync<StartRequest>(request, 64 * 1024, cancellationToken);
            if (body is null)
            {
                return problem!;
            }
        }

        return Answer(id, await control.StartAsync(id, body, durable, cancellationToken), StatusCodes.Status202Accepted);
    }

    /// <summary><c>POST /api/campaigns/{id}/reschedule</c>: a new start for a scheduled campaign that has not started.</summary>
    public async Task<IResult> RescheduleAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (!ResourceName.IsValid(id))
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        (StartRequest? body, IResult? problem) = await RequestBody.ReadJsonAsync<StartRequest>(request, 64 * 1024, cancellationToken);
        return body is null ? problem! : Answer(id, await control.RescheduleAsync(id, body, durable, cancellationToken), StatusCodes.Status202Accepted);
    }

    /// <summary><c>POST /api/campaigns/{id}/pause</c>.</summary>
    public async Task<IResult> PauseAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default) =>
        !ResourceName.IsValid(id) ? Problems.NotFound($"No campaign '{id}'.") : Answer(id, await control.PauseAsync(id, durable, cancellationToken), StatusCodes.Status202Accepted);

    /// <summary><c>POST /api/campaigns/{id}/resume</c>.</summary>
    public async Task<IResult> ResumeAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default) =>
        !ResourceName.IsValid(id) ? Problems.NotFound($"No campaign '{id}'.") : Answer(id, await control.ResumeAsync(id, durable, cancellationToken), StatusCodes.Status202Accepted);

    /// <summary><c>POST /api/campaigns/{id}/cancel</c>.</summary>
    public async Task<IResult> CancelAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken = default) =>
        !ResourceName.IsValid(id) ? Problems.NotFound($"No campaign '{id}'.") : Answer(id, await control.CancelAsync(id, durable, cancellationToken), StatusCodes.Status202Accepted);

    /// <summary>The one answer shape of these requests.</summary>
    public static IResult Answer(string id, CampaignCreation outcome, int success)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.NotFound)
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        if (outcome.Conflict is not null)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Not possible in the campaign's state.", outcome.Conflict);
        }

        if (!outcome.Accepted)
        {
            return Problems.Invalid(outcome.Errors);
        }

        string url = $"/api/campaigns/{id}";
        return TypedResults.Json(
            new { id, state = outcome.State.ToString(), statusUrl = url, summaryUrl = $"{url}/summary", recipientsUrl = $"{url}/recipients" },
            Json.MailMergeJson.Options, statusCode: success);
    }
}
