namespace MailMerge.Contacts;

/// <summary>A letter recipient a selection resolves to: who, at which postal address, with which merge fields.</summary>
/// <param name="Line">Its line (1-based) in the batch.</param>
/// <param name="Kind">A letter to the company itself or to a person.</param>
/// <param name="Id">The company's or person's id.</param>
/// <param name="Addressee">The first line of the address: the person's title and name, or the company's name.</param>
/// <param name="CompanyName">The company's name under a person's, if any.</param>
/// <param name="PostalAddress">Where the letter goes: the person's own address, else the company's.</param>
/// <param name="Source">Where it comes from: <c>company C003</c>, <c>person C003-P2, other contact</c>.</param>
/// <param name="Fields">Its merge fields.</param>
public sealed record PostalRecipient(
    int Line, ContactKind Kind, string Id, string Addressee, string? CompanyName, PostalAddress PostalAddress, string Source, IReadOnlyDictionary<string, string> Fields);
