using MailMerge.Contacts;

namespace MailMerge.Core.Tests.Contacts;

/// <summary>Index rows carry the contact's words of their field, so a query of several words is narrowed on the index alone.</summary>
public class ContactIndexWordsTests
{
    private static Person Person(string first, string last, string city) => new()
    {
        Id = "P1", FirstName = first, LastName = last, Emails = ["a.n@firma.test"],
        PostalAddress = new PostalAddress { Street = "ul. Długa 1", PostalCode = "00-001", City = city },
    };

    [Fact]
    public void Search_rows_carry_the_folded_words_of_their_own_field_and_email_rows_none()
    {
        IReadOnlyList<ContactIndexEntry> entries = ContactIndexEntries.For(Person("Anna", "Żółkiewska", "Zielona Góra"));

        ContactIndexEntry name = entries.Single(e => e.RowKey == "zolkiewska|p|P1");
        ContactIndexEntry city = entries.Single(e => e.RowKey == "gora|p|P1");
        Assert.Equal("anna zolkiewska", name.Words);
        Assert.Equal("zielona gora", city.Words);
        Assert.Null(entries.Single(e => e.Field == ContactSearchField.Email).Words);
    }

    [Fact]
    public void Rows_with_the_same_table_and_keys_are_the_same_row_whatever_words_they_carry()
    {
        ContactIndexEntry a = ContactIndexEntry.Search(ContactSearchField.Name, "nowak", ContactKind.Person, "P1", "anna nowak");
        ContactIndexEntry b = ContactIndexEntry.Search(ContactSearchField.Name, "nowak", ContactKind.Person, "P1", "ewa nowak");

        Assert.Equal(a, b);
        Assert.Empty(new[] { a }.Except([b]));
        Assert.NotEqual(a, ContactIndexEntry.Search(ContactSearchField.Name, "nowak", ContactKind.Person, "P2", "anna nowak"));
    }

    [Fact]
    public void While_an_update_is_stored_its_rows_carry_the_words_of_both_versions()
    {
        IReadOnlyList<ContactIndexEntry> before = ContactIndexEntries.For(Person("Anna", "Nowak", "Łódź"));
        IReadOnlyList<ContactIndexEntry> wanted = ContactIndexEntries.For(Person("Ewa", "Nowak", "Łódź"));

        IReadOnlyList<ContactIndexEntry> meanwhile = ContactIndexEntries.WithWordsOf(wanted, before);

        Assert.Equal(wanted, meanwhile);
        Assert.Equal("ewa nowak anna", meanwhile.Single(e => e.RowKey == "nowak|p|P1").Words);
        Assert.Equal("lodz", meanwhile.Single(e => e.RowKey == "lodz|p|P1").Words);
    }

    [Theory]
    [InlineData("anna nowak", true)]
    [InlineData("nowak an", true)]
    [InlineData("ewa nowak", false)]
    public void A_query_of_several_words_matches_a_row_only_when_every_word_starts_one_of_the_contacts_words(string query, bool matches)
    {
        ContactIndexEntry row = ContactIndexEntries.For(Person("Anna", "Nowak", "Łódź")).Single(e => e.RowKey == "nowak|p|P1");
        IReadOnlyList<string> terms = ContactSearch.QueryTerms(query, ContactSearchField.Name);

        bool found = ContactSearch.Matches(row.Words!.Split(' ').Select(w => (ContactSearchField.Name, w)), "nowak", terms, ContactSearchField.Name);

        Assert.Equal(matches, found);
    }
}
