using System.Text.Json.Serialization;
using MailMerge.Campaigns;

namespace MailMerge.Contacts;

/// <summary>A contact person, of a company or on their own.</summary>
public sealed record Person
{
    /// <summary>The person's id, e.g. <c>C003-P2</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The company the person works for, if any.</summary>
    public string? CompanyId { get; init; }

    /// <summary>Form of address (Pani, Pan, Dr).</summary>
    public string? Title { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>E-mail addresses; the primary one first unless <see cref="PrimaryEmail"/> says otherwise.</summary>
    public List<string>? Emails { get; init; }

    /// <summary>Which of <see cref="Emails"/> is the primary address; the first when not given.</summary>
    public string? PrimaryEmail { get; init; }

    /// <summary>The person's own postal address; letters use the company's when it is not given.</summary>
    public PostalAddress? PostalAddress { get; init; }

    /// <summary>True for the company's default contact person.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Custom merge fields; a person's value wins over the company's for the same name.</summary>
    [JsonConverter(typeof(MergeFieldsJsonConverter))]
    public Dictionary<string, string?>? Fields { get; init; }

    /// <summary>The primary address: <see cref="PrimaryEmail"/> when it is one of the addresses, else the first.</summary>
    [JsonIgnore]
    public string? Primary =>
        Emails is not { Count: > 0 } ? null :
        Emails.FirstOrDefault(e => string.Equals(e, PrimaryEmail, StringComparison.OrdinalIgnoreCase)) ?? Emails[0];

    /// <summary>The addresses with the primary one first.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> EmailsPrimaryFirst =>
        Primary is not { } primary ? [] : [primary, .. Emails!.Where(e => !ReferenceEquals(e, primary))];

    /// <summary>First and last name, as a letter or a display name shows them.</summary>
    [JsonIgnore]
    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
}
