namespace MailMerge.LetterBatches;

/// <summary>The name and postal address on a letter's envelope, read from its merge fields.</summary>
/// <param name="Name">Who the letter is for.</param>
/// <param name="Address">The address on one line, parts separated by commas.</param>
public sealed record PostalRecipient(string Name, string Address)
{
    private static readonly string[] NameDefaults = ["recipient_name", "recipient", "name", "full_name", "company_name", "company", "contact_name"];
    private static readonly string[] StreetDefaults = ["address", "street", "address_line", "address_line_1", "address_line_2", "adres", "ulica"];

    /// <summary>
    /// Reads the envelope from the values: the given fields when the batch named them, else the first of
    /// recipient_name, recipient, name, full_name, company_name, company, contact_name (or first_name last_name), and
    /// the street fields, postal_code with city, and country.
    /// </summary>
    public static PostalRecipient From(IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> nameFields, IReadOnlyList<string> addressFields)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(nameFields);
        ArgumentNullException.ThrowIfNull(addressFields);
        string name = nameFields.Count > 0
            ? Join(" ", nameFields.Select(f => Get(values, f)))
            : NameDefaults.Select(f => Get(values, f)).FirstOrDefault(v => v.Length > 0)
              ?? Join(" ", [Get(values, "first_name"), Get(values, "last_name")]);

        string address = addressFields.Count > 0
            ? Join(", ", addressFields.Select(f => Get(values, f)))
            : Join(", ", StreetDefaults.Select(f => Get(values, f))
                .Append(Join(" ", [Get(values, "postal_code"), Get(values, "city")]))
                .Append(Get(values, "country")));
        return new PostalRecipient(name, address);
    }

    private static string Get(IReadOnlyDictionary<string, string?> values, string field) =>
        values.TryGetValue(field, out string? value) && value is not null ? OneLine(value) : string.Empty;

    private static string OneLine(string value) =>
        string.Join(", ", value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Join(string separator, IEnumerable<string> parts) => string.Join(separator, parts.Where(p => p.Length > 0));
}
