namespace MailMerge.Contacts;

/// <summary>The index rows a contact needs: its name words, e-mail addresses and city words (and its company link).</summary>
public static class ContactIndexEntries
{
    /// <summary>The index rows of a company.</summary>
    public static IReadOnlyList<ContactIndexEntry> For(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        string id = company.Id!;
        return Tokens(company).Select(t => ContactIndexEntry.Search(t.Field, t.Token, ContactKind.Company, id)).Distinct().ToList();
    }

    /// <summary>The index rows of a person.</summary>
    public static IReadOnlyList<ContactIndexEntry> For(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        string id = person.Id!;
        var entries = Tokens(person).Select(t => ContactIndexEntry.Search(t.Field, t.Token, ContactKind.Person, id)).ToList();
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
