namespace MailMerge.Contacts;

/// <summary>
/// Recipients picked in the wizard: companies and persons, and the rules that turn them into addresses.
/// </summary>
public sealed record ContactSelection
{
    /// <summary>The ids of the companies picked.</summary>
    public List<string>? Companies { get; init; }

    /// <summary>The ids of the persons picked (each is addressed on their own).</summary>
    public List<string>? Persons { get; init; }

    /// <summary>
    /// Whom a picked company means: <c>general</c> (its general addresses), <c>defaultContact</c>,
    /// <c>otherContacts</c>, or any combination. Default: <c>["general"]</c>.
    /// </summary>
    public List<string>? CompanyAddresses { get; init; }

    /// <summary>Which addresses of a person with several: <c>primary</c> (default) or <c>all</c>.</summary>
    public string? PersonAddresses { get; init; }
}
