namespace MailMerge.Contacts;

/// <summary>A postal address as printed on an envelope.</summary>
public sealed record PostalAddress
{
    /// <summary>Street, number and flat (e.g. <c>ul. Długa 7/3</c>).</summary>
    public string? Street { get; init; }

    /// <summary>Postal code (e.g. <c>30-003</c>).</summary>
    public string? PostalCode { get; init; }

    /// <summary>City or post town.</summary>
    public string? City { get; init; }

    /// <summary>Country, when letters may go abroad.</summary>
    public string? Country { get; init; }

    /// <summary>True when a letter can be addressed with it: street, postal code and city are all given.</summary>
    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Street) && !string.IsNullOrWhiteSpace(PostalCode) && !string.IsNullOrWhiteSpace(City);
}
