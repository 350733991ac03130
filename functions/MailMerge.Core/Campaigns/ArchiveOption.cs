namespace MailMerge.Campaigns;

/// <summary>
/// Whether a campaign keeps a copy of every sent message, and where: <c>{"enabled": true, "folder": "2026/bank-account"}</c>.
/// The copies go to Blob storage as <c>&lt;folder&gt;/&lt;campaign id&gt;/&lt;row&gt;.eml</c>, and to the sender account's
/// IMAP Sent folder when the account has IMAP settings.
/// </summary>
/// <param name="Enabled">True (the default when the object is given) keeps copies; false keeps none.</param>
/// <param name="Folder">The folder of the archive: path segments of letters, digits, '-', '_' and '.', separated by '/'.</param>
public sealed record ArchiveOption(bool? Enabled = null, string? Folder = null);
