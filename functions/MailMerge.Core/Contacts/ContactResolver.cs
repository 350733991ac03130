using MailMerge.Recipients;

namespace MailMerge.Contacts;

/// <summary>Reads what a selection needs from the store and resolves it for e-mail or for letters.</summary>
public sealed class ContactResolver(ContactStore store)
{
    /// <summary>Problems of the selection (shape and unknown ids) by field, with the given prefix; empty when it can be resolved.</summary>
    public async Task<(ContactSnapshot? Contacts, Dictionary<string, List<string>> Errors)> LoadAsync(ContactSelection selection, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        Dictionary<string, List<string>> errors = ContactSelectionRules.Validate(selection, prefix);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        List<string> companyIds = selection.Companies ?? [];
        List<string> personIds = selection.Persons ?? [];
        StoredContact<Company>?[] companies = await ReadAllAsync(companyIds, store.FindCompanyAsync, cancellationToken);
        StoredContact<Person>?[] persons = await ReadAllAsync(personIds, store.FindPersonAsync, cancellationToken);
        for (int i = 0; i < companyIds.Count; i++)
        {
            if (companies[i] is null)
            {
                errors[$"{prefix}companies[{i}]"] = [$"No company '{companyIds[i]}'."];
            }
        }

        for (int i = 0; i < personIds.Count; i++)
        {
            if (persons[i] is null)
            {
                errors[$"{prefix}persons[{i}]"] = [$"No person '{personIds[i]}'."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var companyById = new Dictionary<string, Company>(StringComparer.Ordinal);
        foreach (StoredContact<Company>? company in companies)
        {
            companyById[company!.Value.Id!] = company.Value;
        }

        // A picked person's own company supplies the company fields.
        List<string> personCompanies = persons.Select(p => p!.Value.CompanyId).OfType<string>().Where(id => !companyById.ContainsKey(id)).Distinct().ToList();
        foreach (StoredContact<Company>? company in await ReadAllAsync(personCompanies, store.FindCompanyAsync, cancellationToken))
        {
            if (company is not null)
            {
                companyById[company.Value.Id!] = company.Value;
            }
        }

        var members = new Dictionary<string, IReadOnlyList<Person>>(StringComparer.Ordinal);
        if ((ContactSelectionRules.CompanyRules(selection) & (CompanyAddressRule.DefaultContact | CompanyAddressRule.OtherContacts)) != 0)
        {
            foreach (string id in companyIds.Distinct())
            {
                var list = new List<Person>();
                await foreach (Person person in store.PersonsOfCompanyAsync(id, cancellationToken))
                {
                    list.Add(person);
                }

                members[id] = list.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
            }
        }

        var personById = persons.Select(p => p!.Value).DistinctBy(p => p.Id).ToDictionary(p => p.Id!, StringComparer.Ordinal);
        return (new ContactSnapshot(companyById, personById, members), errors);
    }

    /// <summary>Resolves a selection for e-mail, with the campaign's exclusions and the suppression list; null with errors when the selection is not valid.</summary>
    public async Task<(EmailResolution? Resolution, Dictionary<string, List<string>> Errors)> ResolveEmailAsync(
        ContactSelection selection, string prefix, RecipientExclusions exclusions, IReadOnlySet<string>? suppressed, CancellationToken cancellationToken = default)
    {
        (ContactSnapshot? contacts, Dictionary<string, List<string>> errors) = await LoadAsync(selection, prefix, cancellationToken);
        return contacts is null
            ? (null, errors)
            : (SelectionResolver.ResolveEmail(SelectionResolver.Candidates(selection, contacts), ContactSelectionRules.AllPersonAddresses(selection), exclusions, suppressed), errors);
    }

    /// <summary>The intake inputs of a selection (every line with an address), for a campaign; null with errors when the selection is not valid.</summary>
    public async Task<(IReadOnlyList<RecipientInput>? Inputs, Dictionary<string, List<string>> Errors)> ReadInputsAsync(ContactSelection selection, string prefix, CancellationToken cancellationToken = default)
    {
        (ContactSnapshot? contacts, Dictionary<string, List<string>> errors) = await LoadAsync(selection, prefix, cancellationToken);
        return contacts is null
            ? (null, errors)
            : (SelectionResolver.Expand(SelectionResolver.Candidates(selection, contacts), ContactSelectionRules.AllPersonAddresses(selection)).Inputs, errors);
    }

    /// <summary>Resolves a selection for letters; null with errors when the selection is not valid.</summary>
    public async Task<(PostalResolution? Resolution, Dictionary<string, List<string>> Errors)> ResolvePostalAsync(ContactSelection selection, string prefix, CancellationToken cancellationToken = default)
    {
        (ContactSnapshot? contacts, Dictionary<string, List<string>> errors) = await LoadAsync(selection, prefix, cancellationToken);
        return contacts is null ? (null, errors) : (SelectionResolver.ResolvePostal(SelectionResolver.Candidates(selection, contacts)), errors);
    }

    private static async Task<T?[]> ReadAllAsync<T>(List<string> ids, Func<string, CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
    {
        var results = new T?[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await read(ids[i], token));
        return results;
    }
}
