using MailMerge.Contacts;
using MailMerge.Tests;

namespace MailMerge.Core.Tests.Contacts;

/// <summary>The sample contact store (tests/samples/contacts/companies.json), read with the import reader.</summary>
internal static class SampleContacts
{
    public static IReadOnlyList<ContactImportItem> Items { get; } = ContactJsonFile.Read(File.ReadAllBytes(Samples.Path("contacts", "companies.json")));

    public static ContactSnapshot Snapshot()
    {
        var companies = Items.Select(i => i.Company).OfType<Company>().ToDictionary(c => c.Id!);
        var persons = Items.Select(i => i.Person).OfType<Person>().ToDictionary(p => p.Id!);
        var members = persons.Values.Where(p => p.CompanyId is not null).GroupBy(p => p.CompanyId!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Person>)g.OrderBy(p => p.Id, StringComparer.Ordinal).ToList());
        return new ContactSnapshot(companies, persons, members);
    }
}
