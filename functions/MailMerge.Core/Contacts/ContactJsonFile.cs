using System.Text.Json;
using System.Text.Json.Serialization;
using MailMerge.Campaigns;
using MailMerge.Json;

namespace MailMerge.Contacts;

/// <summary>
/// Reads the CRM export format (<c>tests/samples/contacts/companies.json</c>): <c>companies</c> with
/// <c>general_emails</c>, address columns, <c>account_manager</c> and <c>fields</c>, and <c>contact_persons</c>
/// with <c>company_id</c>, names, <c>emails</c> (primary first) and <c>is_default</c>. An item that cannot be
/// read is reported by its position; the others are kept.
/// </summary>
public static class ContactJsonFile
{
    /// <summary>Reads every item; throws <see cref="JsonException"/> when the file is not a JSON object with those arrays.</summary>
    public static IReadOnlyList<ContactImportItem> Read(ReadOnlySpan<byte> json)
    {
        using JsonDocument document = JsonDocument.Parse(json.StartsWith("\uFEFF"u8) ? json[3..].ToArray() : json.ToArray());
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The file must be a JSON object with 'companies' and/or 'contact_persons' arrays.");
        }

        var items = new List<ContactImportItem>();
        bool any = false;
        foreach (JsonProperty section in document.RootElement.EnumerateObject())
        {
            bool companies = section.NameEquals("companies");
            if (!companies && !section.NameEquals("contact_persons") && !section.NameEquals("persons"))
            {
                continue;
            }

            if (section.Value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException($"'{section.Name}' must be an array.");
            }

            any = true;
            int index = 0;
            foreach (JsonElement element in section.Value.EnumerateArray())
            {
                string item = $"{section.Name}[{index++}]";
                try
                {
                    items.Add(companies
                        ? new ContactImportItem(item, null, ToCompany(element.Deserialize<CompanyRow>(MailMergeJson.Options) ?? throw new JsonException("null")), null)
                        : new ContactImportItem(item, null, null, ToPerson(element.Deserialize<PersonRow>(MailMergeJson.Options) ?? throw new JsonException("null"))));
                }
                catch (JsonException ex)
                {
                    string at = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? string.Empty : $" at '{ex.Path.TrimStart('$', '.')}'";
                    items.Add(new ContactImportItem(item, null, null, null, $"Not a {(companies ? "company" : "contact person")} object{at}."));
                }
            }
        }

        return any ? items : throw new JsonException("The file has neither 'companies' nor 'contact_persons'.");
    }

    private static Company ToCompany(CompanyRow row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        TaxId = row.TaxId,
        Emails = row.GeneralEmails ?? row.Emails ?? [],
        PostalAddress = Address(row.Street, row.PostalCode, row.City, row.Country),
        AccountManager = row.AccountManager,
        Fields = row.Fields,
    };

    private static Person ToPerson(PersonRow row) => new()
    {
        Id = row.Id,
        CompanyId = string.IsNullOrWhiteSpace(row.CompanyId) ? null : row.CompanyId,
        Title = row.Title,
        FirstName = row.FirstName,
        LastName = row.LastName,
        Emails = row.Emails ?? [],
        PrimaryEmail = row.PrimaryEmail,
        PostalAddress = Address(row.Street, row.PostalCode, row.City, row.Country),
        IsDefault = row.IsDefault,
        Fields = row.Fields,
    };

    /// <summary>An address when any part is given, else none.</summary>
    public static PostalAddress? Address(string? street, string? postalCode, string? city, string? country) =>
        new[] { street, postalCode, city, country }.All(string.IsNullOrWhiteSpace)
            ? null
            : new PostalAddress { Street = Blank(street), PostalCode = Blank(postalCode), City = Blank(city), Country = Blank(country) };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record CompanyRow(
        string? Id,
        string? Name,
        [property: JsonPropertyName("tax_id")] string? TaxId,
        [property: JsonPropertyName("general_emails")] List<string>? GeneralEmails,
        List<string>? Emails,
        string? Street,
        [property: JsonPropertyName("postal_code")] string? PostalCode,
        string? City,
        string? Country,
        [property: JsonPropertyName("account_manager")] AccountManager? AccountManager,
        [property: JsonConverter(typeof(MergeFieldsJsonConverter))] Dictionary<string, string?>? Fields);

    private sealed record PersonRow(
        string? Id,
        [property: JsonPropertyName("company_id")] string? CompanyId,
        string? Title,
        [property: JsonPropertyName("first_name")] string? FirstName,
        [property: JsonPropertyName("last_name")] string? LastName,
        List<string>? Emails,
        [property: JsonPropertyName("primary_email")] string? PrimaryEmail,
        string? Street,
        [property: JsonPropertyName("postal_code")] string? PostalCode,
        string? City,
        string? Country,
        [property: JsonPropertyName("is_default")] bool IsDefault,
        [property: JsonConverter(typeof(MergeFieldsJsonConverter))] Dictionary<string, string?>? Fields);
}
