namespace MailMerge.Campaigns;

/// <summary>The answer to a create request: the campaign id, or every field error.</summary>
public sealed record CampaignCreation(string? CampaignId, IDictionary<string, string[]> Errors, bool Replayed = false, bool KeyConflict = false)
{
    /// <summary>True when the campaign exists (new or replayed).</summary>
    public bool Accepted => CampaignId is not null && Errors.Count == 0 && !KeyConflict;
}
