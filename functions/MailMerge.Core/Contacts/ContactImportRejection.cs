namespace MailMerge.Contacts;

/// <summary>An import item that was not stored, with every reason.</summary>
/// <param name="Item">Where it is in the file: <c>companies[3]</c> or <c>line 4</c>.</param>
/// <param name="Line">The CSV data row; null for JSON.</param>
/// <param name="Id">The contact's id as given, if any.</param>
/// <param name="Reasons">What is wrong, each naming the field.</param>
public sealed record ContactImportRejection(string Item, int? Line, string? Id, IReadOnlyList<string> Reasons);
