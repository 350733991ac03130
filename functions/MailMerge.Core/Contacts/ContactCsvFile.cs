using MailMerge.Recipients;
using Sylvan.Data.Csv;

namespace MailMerge.Contacts;

/// <summary>
/// Reads contacts from a CSV export (UTF-8, <c>;</c>, <c>,</c> or tab, header row). Columns: <c>type</c>
/// (company/person; when absent a row with a first or last name is a person), <c>id</c>, <c>company_id</c>,
/// <c>name</c>, <c>tax_id</c>, <c>title</c>, <c>first_name</c>, <c>last_name</c>, <c>emails</c> (several
/// separated by spaces, commas or semicolons; a person's primary first), <c>street</c>, <c>postal_code</c>,
/// <c>city</c>, <c>country</c>, <c>account_manager_name</c>, <c>account_manager_email</c>, <c>is_default</c>;
/// every other column is a custom merge field.
/// </summary>
public static class ContactCsvFile
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "type", "id", "company_id", "name", "tax_id", "title", "first_name", "last_name", "emails", "email", "street", "postal_code",
        "city", "country", "account_manager_name", "account_manager_email", "is_default",
    };

    /// <summary>Reads every data row; throws <see cref="RecipientCsvException"/> when the file as a whole cannot be read.</summary>
    public static IReadOnlyList<ContactImportItem> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RecipientCsvException("The file is empty: expected a header row and at least one contact.");
        }

        var options = new CsvDataReaderOptions
        {
            Delimiter = RecipientCsvReader.DetectDelimiter(text)[0],
            HasHeaders = true,
            HeaderComparer = StringComparer.OrdinalIgnoreCase,
            MaxBufferSize = 1 << 20,
        };
        try
        {
            using CsvDataReader csv = CsvDataReader.Create(new StringReader(text), options);
            string[] names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
            if (!names.Contains("id", StringComparer.OrdinalIgnoreCase))
            {
                throw new RecipientCsvException($"The file has no 'id' column (found: {string.Join(", ", names)}).");
            }

            var items = new List<ContactImportItem>();
            int line = 0;
            while (csv.Read())
            {
                line++;
                var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < names.Length; i++)
                {
                    if (names[i].Length > 0)
                    {
                        row[names[i]] = i < csv.RowFieldCount ? csv.GetString(i).Trim() : string.Empty;
                    }
                }

                if (row.Values.All(v => v.Length == 0))
                {
                    continue;
                }

                items.Add(ToItem(row, line));
            }

            return items;
        }
        catch (CsvFormatException ex)
        {
            throw new RecipientCsvException($"The file cannot be read as CSV near data row {ex.RowNumber}: {ex.Message}");
        }
    }

    private static ContactImportItem ToItem(Dictionary<string, string> row, int line)
    {
        string item = $"line {line}";
        string type = Get(row, "type") ?? (Get(row, "first_name") is not null || Get(row, "last_name") is not null ? "person" : "company");
        bool? isDefault = Get(row, "is_default")?.ToLowerInvariant() switch
        {
            null or "false" or "0" or "no" or "nie" => false,
            "true" or "1" or "yes" or "tak" => true,
            _ => null,
        };
        if (isDefault is null)
        {
            return new ContactImportItem(item, line, null, null, "is_default: use true or false.");
        }

        var fields = row.Where(c => !Known.Contains(c.Key) && c.Value.Length > 0).ToDictionary(c => c.Key, c => (string?)c.Value, StringComparer.OrdinalIgnoreCase);
        List<string> emails = (Get(row, "emails") ?? Get(row, "email") ?? string.Empty)
            .Split([' ', ',', ';', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
        PostalAddress? address = ContactJsonFile.Address(Get(row, "street"), Get(row, "postal_code"), Get(row, "city"), Get(row, "country"));
        switch (type.ToLowerInvariant())
        {
            case "company" or "firma":
                string? managerName = Get(row, "account_manager_name");
                string? managerEmail = Get(row, "account_manager_email");
                return new ContactImportItem(item, line, new Company
                {
                    Id = Get(row, "id"),
                    Name = Get(row, "name"),
                    TaxId = Get(row, "tax_id"),
                    Emails = emails,
                    PostalAddress = address,
                    AccountManager = managerName is null && managerEmail is null ? null : new AccountManager(managerName, managerEmail),
                    Fields = fields,
                }, null);
            case "person" or "osoba":
                return new ContactImportItem(item, line, null, new Person
                {
                    Id = Get(row, "id"),
                    CompanyId = Get(row, "company_id"),
                    Title = Get(row, "title"),
                    FirstName = Get(row, "first_name"),
                    LastName = Get(row, "last_name"),
                    Emails = emails,
                    PostalAddress = address,
                    IsDefault = isDefault.Value,
                    Fields = fields,
                });
            default:
                return new ContactImportItem(item, line, null, null, $"type: '{type}' is neither 'company' nor 'person'.");
        }
    }

    private static string? Get(Dictionary<string, string> row, string name) =>
        row.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;
}
