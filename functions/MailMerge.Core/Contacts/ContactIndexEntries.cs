namespace MailMerge.Contacts;

/// <summary>The index rows a contact needs: its name words, e-mail addresses and city words (and its company link).</summary>
public static class ContactIndexEntries
{
    /// <summary>The index rows of a company.</summary>
    public static IReadOnlyList<ContactIndexEntry> For(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        string id = company.Id!;
        return Entries(Tokens(company).ToList(), ContactKind.Company, id).Distinct().ToList();
    }

    /// <summary>The index rows of a person.</summary>
    public static IReadOnlyList<ContactIndexEntry> For(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        string id = person.Id!;
        var entries = Entries(Tokens(person).ToList(), ContactKind.Person, id).ToList();
        if (!string.IsNullOrEmpty(person.CompanyId))
        {
            entries.Add(ContactIndexEntry.Member(person.CompanyId, id));
        }

        return entries.Distinct().ToList();
    }

    /// <summary>The folded tokens of a company, per field.</summary>
    public static IEnumerable<(ContactSearchField Field, string Token)> Tokens(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return Collect(ContactText.Words(company.Name), company.Emails, company.PostalAddress);
    }

    /// <summary>The folded tokens of a person, per field.</summary>
    public static IEnumerable<(ContactSearchField Field, string Token)> Tokens(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Collect([.. ContactText.Words(person.FirstName), .. ContactText.Words(person.LastName)], person.Emails, person.PostalAddress);
    }

    /// <summary>
    /// <paramref name="wanted"/> with each row's words joined by the words <paramref name="before"/> had in the same
    /// field: what an update writes until the new version of the contact is stored (same order as <paramref name="wanted"/>).
    /// </summary>
    public static IReadOnlyList<ContactIndexEntry> WithWordsOf(IReadOnlyList<ContactIndexEntry> wanted, IReadOnlyList<ContactIndexEntry> before)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(before);
        var old = before.Where(e => e.Words is not null && e.Field is not null).GroupBy(e => e.Field!.Value).ToDictionary(g => g.Key, g => g.First().Words!);
        return wanted.Select(e => e.Words is not null && e.Field is { } field && old.TryGetValue(field, out string? words) && words != e.Words
            ? e with { Words = string.Join(' ', e.Words.Split(' ').Union(words.Split(' '), StringComparer.Ordinal)) }
            : e).ToList();
    }

    /// <summary>The search rows of a contact's tokens, each carrying the contact's words of its field (e-mail rows none: a query is one address).</summary>
    private static IEnumerable<ContactIndexEntry> Entries(List<(ContactSearchField Field, string Token)> tokens, ContactKind kind, string id)
    {
        var words = tokens.Where(t => t.Field != ContactSearchField.Email).GroupBy(t => t.Field)
            .ToDictionary(g => g.Key, g => string.Join(' ', g.Select(t => t.Token)));
        return tokens.Select(t => ContactIndexEntry.Search(t.Field, t.Token, kind, id, words.GetValueOrDefault(t.Field)));
    }

    private static IEnumerable<(ContactSearchField, string)> Collect(IEnumerable<string> nameWords, IEnumerable<string>? emails, PostalAddress? address)
    {
        var seen = new HashSet<(ContactSearchField, string)>();
        IEnumerable<(ContactSearchField, string)> all =
            nameWords.Select(w => (ContactSearchField.Name, w))
            .Concat((emails ?? []).Select(e => (ContactSearchField.Email, ContactText.EmailKey(e))))
            .Concat(ContactText.Words(address?.City).Select(w => (ContactSearchField.City, w)));
        foreach ((ContactSearchField field, string token) in all)
        {
            string cut = ContactIndexEntry.Cut(token);
            if (cut.Length > 0 && seen.Add((field, cut)))
            {
                yield return (field, cut);
            }
        }
    }
}
