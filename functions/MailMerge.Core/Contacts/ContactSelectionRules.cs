namespace MailMerge.Contacts;

/// <summary>Checks a <see cref="ContactSelection"/> and reads its rules; field paths start with the given prefix.</summary>
public static class ContactSelectionRules
{
    /// <summary>Most companies plus persons in one selection.</summary>
    public const int MaxContacts = 100_000;

    /// <summary>Problems of the selection's shape, by field (ids are checked against the store later).</summary>
    public static Dictionary<string, List<string>> Validate(ContactSelection selection, string prefix)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string reason)
        {
            if (!errors.TryGetValue(prefix + field, out List<string>? list))
            {
                errors[prefix + field] = list = [];
            }

            list.Add(reason);
        }

        int count = (selection.Companies?.Count ?? 0) + (selection.Persons?.Count ?? 0);
        if (count == 0)
        {
            Add("companies", "Pick at least one company or person ('companies' or 'persons').");
        }
        else if (count > MaxContacts)
        {
            Add("companies", $"At most {MaxContacts} companies and persons in one selection.");
        }

        for (int i = 0; i < (selection.Companies?.Count ?? 0); i++)
        {
            if (!Api.ResourceName.IsValid(selection.Companies![i]))
            {
                Add($"companies[{i}]", "Not a contact id.");
            }
        }

        for (int i = 0; i < (selection.Persons?.Count ?? 0); i++)
        {
            if (!Api.ResourceName.IsValid(selection.Persons![i]))
            {
                Add($"persons[{i}]", "Not a contact id.");
            }
        }

        if (selection.CompanyAddresses is { } rules)
        {
            if (rules.Count == 0)
            {
                Add("companyAddresses", "Give at least one of 'general', 'defaultContact', 'otherContacts'.");
            }

            for (int i = 0; i < rules.Count; i++)
            {
                if (ParseRule(rules[i]) == CompanyAddressRule.None)
                {
                    Add($"companyAddresses[{i}]", $"'{rules[i]}' is not one of 'general', 'defaultContact', 'otherContacts'.");
                }
            }
        }

        if (selection.PersonAddresses is { } persons && !IsAll(persons) && !string.Equals(persons, "primary", StringComparison.OrdinalIgnoreCase))
        {
            Add("personAddresses", "Use 'primary' (default) or 'all'.");
        }

        return errors;
    }

    /// <summary>The company rules as flags (General when none are given).</summary>
    public static CompanyAddressRule CompanyRules(ContactSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.CompanyAddresses is null
            ? CompanyAddressRule.General
            : selection.CompanyAddresses.Aggregate(CompanyAddressRule.None, (all, rule) => all | ParseRule(rule));
    }

    /// <summary>True when every address of a person is used, not only the primary one.</summary>
    public static bool AllPersonAddresses(ContactSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.PersonAddresses is { } value && IsAll(value);
    }

    private static bool IsAll(string value) => string.Equals(value, "all", StringComparison.OrdinalIgnoreCase);

    private static CompanyAddressRule ParseRule(string? rule) => rule?.ToLowerInvariant() switch
    {
        "general" => CompanyAddressRule.General,
        "defaultcontact" => CompanyAddressRule.DefaultContact,
        "othercontacts" => CompanyAddressRule.OtherContacts,
        _ => CompanyAddressRule.None,
    };
}
