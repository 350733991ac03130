namespace MailMerge.Campaigns;

/// <summary>The message one recipient would get, rendered without sending.</summary>
/// <param name="Line">The recipient's line in the list.</param>
/// <param name="Email">The recipient's address.</param>
/// <param name="Name">The recipient's display name, if any.</param>
/// <param name="Subject">The rendered subject.</param>
/// <param name="Html">The rendered HTML body.</param>
/// <param name="Text">The plain-text part.</param>
/// <param name="EmptyFields">Merge fields the templates use that are empty or missing for this recipient.</param>
/// <param name="Attachments">The attachments every message carries, in order (name, file name, media type, size).</param>
public sealed record CampaignPreview(
    int Line, string Email, string? Name, string Subject, string Html, string Text, IReadOnlyList<string> EmptyFields, IReadOnlyList<Attachments.AttachmentInfo> Attachments);
