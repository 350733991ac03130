namespace MailMerge.Contacts;

/// <summary>
/// Stores what an import file holds: each item is checked on its own, a bad one is reported with its reasons
/// and the good ones are kept. Companies go first, so persons may refer to companies of the same file.
/// </summary>
public sealed class ContactImporter(ContactStore store)
{
    /// <summary>Most items one import may hold.</summary>
    public const int MaxItems = 100_000;

    /// <summary>Validates and stores the items.</summary>
    public async Task<ContactImportResult> ImportAsync(IReadOnlyList<ContactImportItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rejected = new List<ContactImportRejection>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            position.TryAdd(items[i].Item, i);
        }

        var companies = new List<Company>();
        var persons = new List<Person>();
        var seen = new Dictionary<(bool Company, string Id), string>(); // first item of each id
        foreach (ContactImportItem item in items.OrderBy(i => i.Person is not null))
        {
            List<string> reasons = item.Error is not null ? [item.Error]
                : Flatten(item.Company is not null ? ContactValidator.Validate(item.Company) : ContactValidator.Validate(item.Person!));
            if (reasons.Count == 0 && !seen.TryAdd((item.Company is not null, item.Id!), item.Item))
            {
                reasons.Add($"id: '{item.Id}' already appears in {seen[(item.Company is not null, item.Id!)]}.");
            }

            if (reasons.Count > 0)
            {
                rejected.Add(new ContactImportRejection(item.Item, item.Line, item.Id, reasons));
            }
            else if (item.Company is not null)
            {
                companies.Add(item.Company);
            }
            else
            {
                persons.Add(item.Person!);
            }
        }

        // A person's company must be in the file (and accepted) or already stored.
        var known = companies.Select(c => c.Id!).ToHashSet(StringComparer.Ordinal);
        foreach (string missing in persons.Select(p => p.CompanyId).OfType<string>().Where(id => !known.Contains(id)).Distinct().ToList())
        {
            if (await store.FindCompanyAsync(missing, cancellationToken) is not null)
            {
                known.Add(missing);
            }
        }

        foreach (Person person in persons.Where(p => p.CompanyId is not null && !known.Contains(p.CompanyId)).ToList())
        {
            persons.Remove(person);
            ContactImportItem item = items.First(i => ReferenceEquals(i.Person, person));
            rejected.Add(new ContactImportRejection(item.Item, item.Line, person.Id, [$"companyId: no company '{person.CompanyId}' in the file or the store."]));
        }

        // New ids go in bulk; existing ones are replaced one by one so their stale index rows are removed.
        bool[] companyExists = await Task.WhenAll(companies.Select(async c => await store.FindCompanyAsync(c.Id!, cancellationToken) is not null));
        bool[] personExists = await Task.WhenAll(persons.Select(async p => await store.FindPersonAsync(p.Id!, cancellationToken) is not null));
        await store.WriteNewAsync(companies.Where((_, i) => !companyExists[i]).ToList(), persons.Where((_, i) => !personExists[i]).ToList(), cancellationToken);
        foreach (Company company in companies.Where((_, i) => companyExists[i]))
        {
            await store.SaveCompanyAsync(company, cancellationToken);
        }

        foreach (Person person in persons.Where((_, i) => personExists[i]))
        {
            await store.SavePersonAsync(person, cancellationToken);
        }

        int updated = companyExists.Count(e => e) + personExists.Count(e => e);
        return new ContactImportResult(
            companies.Count, persons.Count, companies.Count + persons.Count - updated, updated,
            rejected.OrderBy(r => position[r.Item]).ToList());
    }

    private static List<string> Flatten(Dictionary<string, List<string>> errors) =>
        errors.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}")).ToList();
}
