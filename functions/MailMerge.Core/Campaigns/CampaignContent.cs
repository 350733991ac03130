namespace MailMerge.Campaigns;

/// <summary>A campaign's templates, frozen at creation so a later template upload cannot change a running campaign.</summary>
public sealed record CampaignContent(string Subject, string Body);
