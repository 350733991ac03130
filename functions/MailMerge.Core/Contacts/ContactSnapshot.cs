namespace MailMerge.Contacts;

/// <summary>The contacts a selection needs, read once from the store: picked companies and persons, their companies and members.</summary>
/// <param name="Companies">Companies by id.</param>
/// <param name="Persons">Persons by id.</param>
/// <param name="Members">The persons of each picked company, in id order.</param>
public sealed record ContactSnapshot(
    IReadOnlyDictionary<string, Company> Companies,
    IReadOnlyDictionary<string, Person> Persons,
    IReadOnlyDictionary<string, IReadOnlyList<Person>> Members);
