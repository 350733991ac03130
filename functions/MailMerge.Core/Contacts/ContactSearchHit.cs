namespace MailMerge.Contacts;

/// <summary>One contact found by a search, as the wizard's list shows it.</summary>
/// <param name="Kind">Company or person.</param>
/// <param name="Id">The contact's id.</param>
/// <param name="Name">Company name, or the person's title, first and last name.</param>
/// <param name="CompanyId">A person's company.</param>
/// <param name="Email">The first general address of a company, the primary address of a person.</param>
/// <param name="City">City of the contact's own postal address.</param>
public sealed record ContactSearchHit(ContactKind Kind, string Id, string Name, string? CompanyId, string? Email, string? City);
