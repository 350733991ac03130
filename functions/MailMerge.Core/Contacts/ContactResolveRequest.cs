namespace MailMerge.Contacts;

/// <summary>The body of <c>POST /api/contacts/resolve</c>: a selection, resolved for <c>email</c> (default) or <c>letters</c>.</summary>
public sealed record ContactResolveRequest
{
    /// <summary><c>email</c> or <c>letters</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>The companies, persons and rules, as in a campaign's <c>contacts</c>.</summary>
    public ContactSelection? Contacts { get; init; }

    /// <summary>Addresses and domains never to send to, as a campaign's <c>exclusions</c>.</summary>
    public List<string?>? Exclusions { get; init; }
}
