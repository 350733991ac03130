namespace MailMerge.Contacts;

/// <summary>One addressee a selection leads to, before addresses are chosen: a company itself, or a person in a role.</summary>
/// <param name="Source">Where it comes from, for people: <c>company C003</c>, <c>person C003-P2, default contact</c>.</param>
/// <param name="Company">The company (its own, or the person's).</param>
/// <param name="Person">The person, or null for the company itself.</param>
/// <param name="Missing">Why there is nobody, when a company has no default contact; else null.</param>
public sealed record ContactCandidate(string Source, Company? Company, Person? Person, string? Missing = null);
