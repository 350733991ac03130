using MailMerge.Contacts;

namespace MailMerge.Core.Tests.Contacts;

public class ContactTextTests
{
    [Theory]
    [InlineData("Łódź", "lodz")]
    [InlineData("ŁOWICZ", "lowicz")]
    [InlineData("Źródlana Żeromskiego Świętokrzyska", "zrodlana zeromskiego swietokrzyska")]
    [InlineData("Straße Ærø Đakovo", "strasse aero dakovo")]
    [InlineData("Kraków", "krakow")]
    public void Fold_removes_case_and_diacritics_including_letters_decomposition_leaves_whole(string text, string folded) =>
        Assert.Equal(folded, ContactText.Fold(text));

    [Fact]
    public void Words_are_folded_runs_of_letters_and_digits()
    {
        Assert.Equal(["nti", "polnoc", "sp", "j"], ContactText.Words("NTI \"Północ\" Sp. j."));
        Assert.Equal(["biuro", "nowak", "syn"], ContactText.Words("Biuro Nowak & Syn"));
        Assert.Empty(ContactText.Words(" - & "));
    }

    [Fact]
    public void Email_keys_fold_and_replace_characters_a_table_key_cannot_hold()
    {
        Assert.Equal("lkra@gmail.test", ContactText.EmailKey(" Łkra@GMAIL.test "));
        Assert.Equal("a_b_c@x.test", ContactText.EmailKey("a/b#c@x.test"));
    }

    [Fact]
    public void Index_rows_of_a_company_cover_name_words_addresses_and_city_in_small_tables()
    {
        Company company = SampleContacts.Items.Select(i => i.Company).OfType<Company>().Single(c => c.Id == "C002");

        IReadOnlyList<ContactIndexEntry> entries = ContactIndexEntries.For(company);

        Assert.Contains(entries, e => e.Table == "ContactsByCityL" && e.PartitionKey == "lo" && e.RowKey == "lodz|c|C002");
        Assert.Contains(entries, e => e.Table == "ContactsByNameM" && e.RowKey == "mikroplan|c|C002");
        Assert.Contains(entries, e => e.Table == "ContactsByEmailB" && e.RowKey == "biuro@mikroplan.test|c|C002");
        Assert.True(ContactIndexEntry.TryParse("biuro@mikroplan.test|c|C002", out string token, out ContactKind kind, out string id));
        Assert.Equal(("biuro@mikroplan.test", ContactKind.Company, "C002"), (token, kind, id));
    }

    [Fact]
    public void A_person_of_a_company_also_gets_a_member_row()
    {
        Person person = SampleContacts.Items.Select(i => i.Person).OfType<Person>().Single(p => p.Id == "C005-P2");

        IReadOnlyList<ContactIndexEntry> entries = ContactIndexEntries.For(person);

        Assert.Contains(ContactIndexEntry.Member("C005", "C005-P2"), entries);
        Assert.Contains(entries, e => e.RowKey == "lukasz|p|C005-P2");
        Assert.Contains(entries, e => e.RowKey == "lkra@gmail.test|p|C005-P2");
    }

    [Fact]
    public void A_hit_counts_once_through_its_first_matching_word_and_needs_every_other_term()
    {
        (ContactSearchField, string)[] tokens = [(ContactSearchField.Name, "kowalska"), (ContactSearchField.Name, "kowalczyk"), (ContactSearchField.Name, "anna")];

        Assert.True(ContactSearch.Matches(tokens, "kowalczyk", ["kowal"], ContactSearchField.Name));
        Assert.False(ContactSearch.Matches(tokens, "kowalska", ["kowal"], ContactSearchField.Name));
        Assert.True(ContactSearch.Matches(tokens, "kowalczyk", ["kowal", "an"], ContactSearchField.Name));
        Assert.False(ContactSearch.Matches(tokens, "kowalczyk", ["kowal", "jan"], ContactSearchField.Name));
        Assert.False(ContactSearch.Matches(tokens, "kowalczyk", ["kowal"], ContactSearchField.City));
        Assert.Equal(["kowalska", "anna"], ContactSearch.QueryTerms("Anna  KOWALSKA", ContactSearchField.Name));
    }
}
