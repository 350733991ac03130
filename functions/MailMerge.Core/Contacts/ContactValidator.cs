using System.Globalization;
using System.Text.Json;
using MailMerge.Api;
using MailMerge.Json;

namespace MailMerge.Contacts;

/// <summary>
/// Checks a company or person before it is stored; collects every problem with its field path. Addresses only
/// have to look like addresses here (the CRM may hold odd ones); the strict check happens when a list is resolved.
/// </summary>
public static class ContactValidator
{
    /// <summary>Most addresses per contact.</summary>
    public const int MaxEmails = 20;

    /// <summary>Most custom merge fields per contact.</summary>
    public const int MaxFields = 100;

    private const int MaxText = 300;
    private const int MaxValue = 4000;

    /// <summary>Longest JSON text of a stored contact, in characters.</summary>
    public const int MaxStoredLength = Recipients.MergeFieldLimits.MaxStoredLength;

    /// <summary>Problems of a company, by field; empty when it may be stored.</summary>
    public static Dictionary<string, List<string>> Validate(Company company, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(company);
        var errors = new Dictionary<string, List<string>>();
        Id(errors, prefix + "id", company.Id);
        Text(errors, prefix + "name", company.Name, required: true);
        Text(errors, prefix + "taxId", company.TaxId, max: 50);
        Emails(errors, prefix + "emails", company.Emails);
        Address(errors, prefix + "postalAddress", company.PostalAddress);
        if (company.AccountManager is { } manager)
        {
            Text(errors, prefix + "accountManager.name", manager.Name);
            if (manager.Email is not null && !LooksLikeEmail(manager.Email))
            {
                Add(errors, prefix + "accountManager.email", "Not an e-mail address.");
            }
        }

        Fields(errors, prefix + "fields", company.Fields);
        Stored(errors, prefix + "fields", company);
        return errors;
    }

    /// <summary>Problems of a person, by field; empty when it may be stored (the company's existence is checked by the caller).</summary>
    public static Dictionary<string, List<string>> Validate(Person person, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(person);
        var errors = new Dictionary<string, List<string>>();
        Id(errors, prefix + "id", person.Id);
        if (person.CompanyId is not null && !ResourceName.IsValid(person.CompanyId))
        {
            Add(errors, prefix + "companyId", "Not a company id: " + ResourceName.Rule);
        }

        Text(errors, prefix + "title", person.Title, max: 50);
        Text(errors, prefix + "firstName", person.FirstName);
        Text(errors, prefix + "lastName", person.LastName);
        if (string.IsNullOrWhiteSpace(person.FirstName) && string.IsNullOrWhiteSpace(person.LastName))
        {
            Add(errors, prefix + "lastName", "A person needs a first or a last name.");
        }

        Emails(errors, prefix + "emails", person.Emails);
        if (person.PrimaryEmail is { } primary && person.Emails?.Contains(primary, StringComparer.OrdinalIgnoreCase) != true)
        {
            Add(errors, prefix + "primaryEmail", "The primary address must be one of 'emails'.");
        }

        if (person.IsDefault && string.IsNullOrEmpty(person.CompanyId))
        {
            Add(errors, prefix + "isDefault", "Only a person of a company can be its default contact.");
        }

        Address(errors, prefix + "postalAddress", person.PostalAddress);
        Fields(errors, prefix + "fields", person.Fields);
        Stored(errors, prefix + "fields", person);
        return errors;
    }

    /// <summary>True for text with one @ between a local part and a dotted domain, and no spaces or control characters.</summary>
    public static bool LooksLikeEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 254 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        int at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && text.IndexOf('.', at) > at + 1 && !text.EndsWith('.');
    }

    private static void Id(Dictionary<string, List<string>> errors, string field, string? id)
    {
        if (id is null)
        {
            Add(errors, field, "An id is required.");
        }
        else if (!ResourceName.IsValid(id))
        {
            Add(errors, field, ResourceName.Rule);
        }
    }

    private static void Text(Dictionary<string, List<string>> errors, string field, string? text, bool required = false, int max = MaxText)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(errors, field, "Required.");
            }
        }
        else if (text.Length > max)
        {
            Add(errors, field, $"Longer than {max} characters.");
        }
        else if (text.Any(char.IsControl))
        {
            Add(errors, field, "Holds a line break or control character.");
        }
    }

    private static void Emails(Dictionary<string, List<string>> errors, string field, List<string>? emails)
    {
        if (emails is null)
        {
            return;
        }

        if (emails.Count > MaxEmails)
        {
            Add(errors, field, $"At most {MaxEmails} addresses.");
            return;
        }

        for (int i = 0; i < emails.Count; i++)
        {
            if (!LooksLikeEmail(emails[i]))
            {
                Add(errors, $"{field}[{i}]", "Not an e-mail address (one @, a domain with a dot, no spaces).");
            }
        }
    }

    private static void Address(Dictionary<string, List<string>> errors, string field, PostalAddress? address)
    {
        if (address is null)
        {
            return;
        }

        Text(errors, field + ".street", address.Street);
        Text(errors, field + ".postalCode", address.PostalCode, max: 20);
        Text(errors, field + ".city", address.City, max: 100);
        Text(errors, field + ".country", address.Country, max: 100);
    }

    private static void Fields(Dictionary<string, List<string>> errors, string field, Dictionary<string, string?>? fields)
    {
        if (fields is null)
        {
            return;
        }

        if (fields.Count > MaxFields)
        {
            Add(errors, field, $"At most {MaxFields} custom fields.");
            return;
        }

        foreach ((string name, string? value) in fields)
        {
            if (name.Length is 0 or > 100 || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                Add(errors, field, $"'{name}' is not a field name (1 to 100 characters, no spaces).");
            }
            else if (value?.Length > MaxValue)
            {
                Add(errors, $"{field}.{name}", $"Longer than {MaxValue} characters.");
            }
        }
    }

    /// <summary>A contact is stored as one JSON text in one Table property, which holds 32,768 UTF-16 characters.</summary>
    private static void Stored<T>(Dictionary<string, List<string>> errors, string field, T contact)
    {
        if (errors.Count > 0)
        {
            return;
        }

        int length = JsonSerializer.Serialize(contact, MailMergeJson.Options).Length;
        if (length > MaxStoredLength)
        {
            Add(errors, field, string.Create(CultureInfo.InvariantCulture,
                $"The contact takes {length} characters as stored (JSON; a letter outside ASCII counts 6); at most {MaxStoredLength} fit: shorten or drop custom fields."));
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string reason)
    {
        if (!errors.TryGetValue(field, out List<string>? list))
        {
            errors[field] = list = [];
        }

        list.Add(reason);
    }
}
