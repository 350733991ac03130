namespace MailMerge.Campaigns;

/// <summary>The answer to a create or change request: the campaign id, or every field error, or why it cannot be done now.</summary>
/// <param name="CampaignId">The campaign, when it exists.</param>
/// <param name="Errors">Field errors (400).</param>
/// <param name="Replayed">True when an Idempotency-Key replay answered with the existing campaign.</param>
/// <param name="KeyConflict">True when the Idempotency-Key was used for a different request (422).</param>
/// <param name="State">The campaign's state after the request.</param>
/// <param name="NotFound">True when there is no such campaign (404).</param>
/// <param name="Conflict">Why the campaign's state does not allow the request (409).</param>
public sealed record CampaignCreation(
    string? CampaignId,
    IDictionary<string, string[]> Errors,
    bool Replayed = false,
    bool KeyConflict = false,
    CampaignState State = CampaignState.Scheduled,
    bool NotFound = false,
    string? Conflict = null)
{
    /// <summary>True when the campaign exists (new, changed or replayed).</summary>
    public bool Accepted => CampaignId is not null && Errors.Count == 0 && !KeyConflict && !NotFound && Conflict is null;
}
