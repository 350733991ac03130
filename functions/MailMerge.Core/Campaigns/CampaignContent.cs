namespace MailMerge.Campaigns;

/// <summary>A campaign's templates, frozen at creation so a later template upload cannot change a running campaign.</summary>
/// <param name="Subject">Liquid template of the subject.</param>
/// <param name="Body">Liquid template of the HTML body.</param>
/// <param name="UnsubscribeUrl">Liquid template of the one-click unsubscribe URL, if the campaign has one.</param>
/// <param name="ReplyTo">Where replies go, if the campaign says.</param>
public sealed record CampaignContent(string Subject, string Body, string? UnsubscribeUrl = null, ReplyToOption? ReplyTo = null);
