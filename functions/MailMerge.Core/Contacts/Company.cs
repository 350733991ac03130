using System.Text.Json.Serialization;
using MailMerge.Campaigns;

namespace MailMerge.Contacts;

/// <summary>A client company in the contact store.</summary>
public sealed record Company
{
    /// <summary>The company's id (letters, digits, '.', '-', '_'), e.g. <c>C003</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The company's name.</summary>
    public string? Name { get; init; }

    /// <summary>Tax identification number (NIP, VAT id).</summary>
    public string? TaxId { get; init; }

    /// <summary>General e-mail addresses (office, secretariat), in the order the wizard lists them.</summary>
    public List<string>? Emails { get; init; }

    /// <summary>The company's postal address.</summary>
    public PostalAddress? PostalAddress { get; init; }

    /// <summary>The employee who looks after this client.</summary>
    public AccountManager? AccountManager { get; init; }

    /// <summary>Custom merge fields (text, numbers or true/false).</summary>
    [JsonConverter(typeof(MergeFieldsJsonConverter))]
    public Dictionary<string, string?>? Fields { get; init; }
}
