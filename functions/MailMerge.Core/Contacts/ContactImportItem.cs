namespace MailMerge.Contacts;

/// <summary>One contact read from an import file, or the reason it could not be read.</summary>
/// <param name="Item">Where it is in the file: <c>companies[3]</c>, <c>contact_persons[0]</c> or <c>line 4</c>.</param>
/// <param name="Line">The CSV data row (1 = the first row under the header); null for JSON.</param>
/// <param name="Company">The company read, when it is one.</param>
/// <param name="Person">The person read, when it is one.</param>
/// <param name="Error">Why the item could not be read, when it could not.</param>
public sealed record ContactImportItem(string Item, int? Line, Company? Company, Person? Person, string? Error = null)
{
    /// <summary>The contact's id as given, if any.</summary>
    public string? Id => Company?.Id ?? Person?.Id;
}
