namespace MailMerge.Contacts;

/// <summary>A contact search: words (or the start of an address) to find, in one field, optionally of one kind.</summary>
/// <param name="Text">What the user typed; letter case and diacritics do not matter.</param>
/// <param name="By">The field to match.</param>
/// <param name="Kind">Only companies or only persons; both when null.</param>
/// <param name="PageSize">Most contacts per page.</param>
/// <param name="Continuation">The previous page's continuation, or null for the first page.</param>
public sealed record ContactSearchQuery(string Text, ContactSearchField By, ContactKind? Kind, int PageSize, string? Continuation);
