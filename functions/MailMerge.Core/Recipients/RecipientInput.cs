namespace MailMerge.Recipients;

/// <summary>One recipient as the caller gave it: the raw address text and its merge fields.</summary>
/// <param name="Line">1-based position in the list (the CSV data row or the inline array index + 1).</param>
/// <param name="Address">The address cell as given: a bare address or a full mailbox with a display name.</param>
/// <param name="Fields">Merge values by field name (case-insensitive).</param>
public sealed record RecipientInput(int Line, string Address, IReadOnlyDictionary<string, string> Fields);
