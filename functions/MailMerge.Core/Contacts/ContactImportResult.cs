namespace MailMerge.Contacts;

/// <summary>What an import stored and what it refused.</summary>
/// <param name="Companies">Companies stored (created or replaced).</param>
/// <param name="Persons">Persons stored (created or replaced).</param>
/// <param name="Created">Contacts that did not exist before.</param>
/// <param name="Updated">Contacts replaced.</param>
/// <param name="Rejected">Items not stored, each with its reasons.</param>
public sealed record ContactImportResult(int Companies, int Persons, int Created, int Updated, IReadOnlyList<ContactImportRejection> Rejected);
