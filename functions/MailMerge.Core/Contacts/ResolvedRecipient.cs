namespace MailMerge.Contacts;

/// <summary>An e-mail recipient a selection resolves to.</summary>
/// <param name="Line">Its line in the campaign (1-based), as the report numbers it.</param>
/// <param name="Email">The address.</param>
/// <param name="DisplayName">The name shown in To.</param>
/// <param name="Source">Where it comes from: <c>company C003, general address 2</c>, <c>person C003-P2, default contact</c>.</param>
/// <param name="Fields">Its merge fields.</param>
public sealed record ResolvedRecipient(int Line, string Email, string? DisplayName, string Source, IReadOnlyDictionary<string, string> Fields);
