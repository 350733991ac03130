namespace MailMerge.Campaigns;

/// <summary>A recipient given inline in the request.</summary>
/// <param name="Email">A bare address or a full mailbox with a display name.</param>
/// <param name="Fields">Merge values by field name.</param>
public sealed record InlineRecipient(string? Email, Dictionary<string, string?>? Fields);
