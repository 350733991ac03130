using MailMerge.Contacts;
using MailMerge.Recipients;

namespace MailMerge.Core.Tests.Contacts;

public class SelectionResolverTests
{
    private static EmailResolution Email(ContactSelection selection, params string[] exclusions) =>
        SelectionResolver.ResolveEmail(
            SelectionResolver.Candidates(selection, SampleContacts.Snapshot()),
            ContactSelectionRules.AllPersonAddresses(selection),
            RecipientExclusions.Create(exclusions, out _));

    [Fact]
    public void A_company_means_its_general_addresses_by_default_each_with_its_source()
    {
        EmailResolution result = Email(new ContactSelection { Companies = ["C003", "C001"] });

        Assert.Equal(
            [("biuro@mpmgrupa.test", "company C003, general address 1"), ("sekretariat@mpmgrupa.test", "company C003, general address 2"), ("biuro@mikronika.test", "company C001, general address 1")],
            result.Recipients.Select(r => (r.Email, r.Source)));
        Assert.Equal([1, 2, 3], result.Recipients.Select(r => r.Line));
        Assert.Equal("MPM Grupa", result.Recipients[0].DisplayName);
        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void A_company_without_a_general_address_is_dropped_as_no_address()
    {
        EmailResolution result = Email(new ContactSelection { Companies = ["C014"] });

        Assert.Empty(result.Recipients);
        DroppedLine dropped = Assert.Single(result.Dropped);
        Assert.Equal(("company C014, general address", DropReason.NoAddress), (dropped.Source, dropped.Reason));
    }

    [Fact]
    public void Default_and_other_contacts_combine_with_general_addresses()
    {
        EmailResolution result = Email(new ContactSelection { Companies = ["C003"], CompanyAddresses = ["general", "defaultContact", "otherContacts"] });

        Assert.Equal(
            ["company C003, general address 1", "company C003, general address 2", "person C003-P1, default contact", "person C003-P2, other contact", "person C003-P3, other contact"],
            result.Recipients.Select(r => r.Source));
        Assert.Equal("pawel.szymanski@mpmgrupa.test", result.Recipients[3].Email);
    }

    [Fact]
    public void Only_the_default_contact_when_asked_and_a_person_without_email_is_reported()
    {
        EmailResolution result = Email(new ContactSelection { Companies = ["C002", "C010"], CompanyAddresses = ["defaultContact"] });

        Assert.Equal([("jan.wojcik@mikroplan.test", "person C002-P1, default contact")], result.Recipients.Select(r => (r.Email, r.Source)));
        DroppedLine dropped = Assert.Single(result.Dropped);
        Assert.Equal(("person C010-P1, default contact", DropReason.NoAddress, "The person has no e-mail address."), (dropped.Source, dropped.Reason, dropped.Detail));
    }

    [Fact]
    public void All_addresses_of_a_person_or_the_primary_only()
    {
        var primary = Email(new ContactSelection { Persons = ["C002-P2"] });
        var all = Email(new ContactSelection { Persons = ["C002-P2"], PersonAddresses = "all" });

        Assert.Equal(["malgorzata.kaminska@mikroplan.test"], primary.Recipients.Select(r => r.Email));
        Assert.Equal([("malgorzata.kaminska@mikroplan.test", "person C002-P2"), ("mkam@gmail.test", "person C002-P2, address 2")], all.Recipients.Select(r => (r.Email, r.Source)));
    }

    [Fact]
    public void An_explicit_primary_address_goes_first()
    {
        var person = new Person { Id = "P9", FirstName = "Ewa", Emails = ["a@x.test", "b@x.test"], PrimaryEmail = "B@x.test" };
        var snapshot = new ContactSnapshot(new Dictionary<string, Company>(), new Dictionary<string, Person> { ["P9"] = person }, new Dictionary<string, IReadOnlyList<Person>>());

        EmailResolution result = SelectionResolver.ResolveEmail(SelectionResolver.Candidates(new ContactSelection { Persons = ["P9"] }, snapshot), false, RecipientExclusions.None);

        Assert.Equal(["b@x.test"], result.Recipients.Select(r => r.Email));
    }

    [Fact]
    public void Exclusions_duplicates_ignoring_case_and_invalid_addresses_are_dropped_with_their_reason()
    {
        var person = new Person { Id = "P8", CompanyId = "C003", FirstName = "Jan", Emails = ["BIURO@mpmgrupa.test", "not-an address@x.test"] };
        ContactSnapshot sample = SampleContacts.Snapshot();
        var persons = new Dictionary<string, Person>(sample.Persons) { ["P8"] = person };
        var snapshot = sample with { Persons = persons };
        var selection = new ContactSelection { Companies = ["C003", "C002"], Persons = ["P8"], PersonAddresses = "all" };

        EmailResolution result = SelectionResolver.ResolveEmail(
            SelectionResolver.Candidates(selection, snapshot), true, RecipientExclusions.Create(["mikroplan.test"], out _));

        Assert.Equal(["biuro@mpmgrupa.test", "sekretariat@mpmgrupa.test"], result.Recipients.Select(r => r.Email));
        Assert.Equal(
            [("company C002, general address 1", DropReason.Excluded), ("person P8", DropReason.Duplicate), ("person P8, address 2", DropReason.Invalid)],
            result.Dropped.Select(d => (d.Source, d.Reason)));
        Assert.Equal("Same address as company C003, general address 1; sent once, there.", result.Dropped[1].Detail);
        Assert.Equal("Excluded: The domain mikroplan.test is on the exclusion list.", result.Dropped[0].Detail);
        Assert.Equal(5, result.Inputs.Count);
    }

    [Fact]
    public void Suppressed_addresses_are_dropped_as_suppressed()
    {
        EmailResolution result = SelectionResolver.ResolveEmail(
            SelectionResolver.Candidates(new ContactSelection { Companies = ["C001"] }, SampleContacts.Snapshot()), false, RecipientExclusions.None,
            new HashSet<string> { "biuro@mikronika.test" });

        Assert.Empty(result.Recipients);
        Assert.Equal(("company C001, general address 1", DropReason.Suppressed), (result.Dropped[0].Source, result.Dropped[0].Reason));
    }

    [Fact]
    public void Merge_fields_combine_company_and_person_with_the_person_winning_plus_manager_and_postal_address()
    {
        var company = new Company
        {
            Id = "C1", Name = "Firma", TaxId = "123", PostalAddress = new PostalAddress { Street = "ul. Długa 1", PostalCode = "00-001", City = "Łódź" },
            AccountManager = new AccountManager("Joanna Sikora", "j.sikora@crm-biuro.test"),
            Fields = new() { ["client_number"] = "K/1", ["greeting"] = "Szanowni Państwo" },
        };
        var person = new Person { Id = "P1", CompanyId = "C1", Title = "Pani", FirstName = "Anna", LastName = "Nowak", Fields = new() { ["greeting"] = "Pani Anno" } };

        Dictionary<string, string> fields = SelectionResolver.Fields(company, person, "anna@firma.test");

        Assert.Equal("Pani Anno", fields["greeting"]);
        Assert.Equal("K/1", fields["client_number"]);
        Assert.Equal("Anna Nowak", fields["contact_name"]);
        Assert.Equal("Firma", fields["company_name"]);
        Assert.Equal("j.sikora@crm-biuro.test", fields["account_manager_email"]);
        Assert.Equal("Joanna Sikora", fields["account_manager_name"]);
        Assert.Equal(("ul. Długa 1", "00-001", "Łódź"), (fields["street"], fields["postal_code"], fields["city"]));
        Assert.Equal("anna@firma.test", fields["email"]);
    }

    [Fact]
    public void Letters_go_to_the_company_and_persons_once_each_and_missing_postal_addresses_are_reported()
    {
        var loner = new Person { Id = "P7", FirstName = "Jan", LastName = "Bez Adresu" };
        var own = new Person { Id = "P6", Title = "Pan", FirstName = "Adam", LastName = "Własny", PostalAddress = new PostalAddress { Street = "ul. Polna 2", PostalCode = "00-002", City = "Warszawa" } };
        ContactSnapshot sample = SampleContacts.Snapshot();
        var snapshot = sample with { Persons = new Dictionary<string, Person>(sample.Persons) { ["P7"] = loner, ["P6"] = own } };
        var selection = new ContactSelection { Companies = ["C010"], Persons = ["C010-P1", "P7", "P6"], CompanyAddresses = ["general", "defaultContact"] };

        PostalResolution result = SelectionResolver.ResolvePostal(SelectionResolver.Candidates(selection, snapshot));

        Assert.Equal(
            [("company C010", "RBIT Rozwiązania IT", "Rzeszów"), ("person C010-P1, default contact", "Pan Józef Jankowski", "Rzeszów"), ("person P6", "Pan Adam Własny", "Warszawa")],
            result.Recipients.Select(r => (r.Source, r.Addressee, r.PostalAddress.City!)));
        Assert.Equal("RBIT Rozwiązania IT", result.Recipients[1].CompanyName);
        Assert.Equal(
            [("person C010-P1", DropReason.Duplicate), ("person P7", DropReason.NoAddress)],
            result.Dropped.Select(d => (d.Source, d.Reason)));
    }

    [Fact]
    public void Mailboxes_with_quotes_and_polish_letters_read_back_as_the_same_name()
    {
        string mailbox = SelectionResolver.Mailbox("NTI \"Północ\" Sp. j.", "biuro@nti.test");

        Assert.True(RecipientAddress.TryParse(mailbox, out RecipientAddress? parsed, out string? reason), reason);
        Assert.Equal(("biuro@nti.test", "NTI \"Północ\" Sp. j."), (parsed.Address, parsed.DisplayName));
    }

    [Fact]
    public void Selection_rules_are_checked_naming_each_field()
    {
        var errors = ContactSelectionRules.Validate(
            new ContactSelection { Companies = ["ok", "bad id!"], CompanyAddresses = ["general", "everyone"], PersonAddresses = "some" }, "contacts.");

        Assert.Equal(["contacts.companies[1]", "contacts.companyAddresses[1]", "contacts.personAddresses"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("contacts.companies", ContactSelectionRules.Validate(new ContactSelection(), "contacts.").Keys);
    }

    [Fact]
    public void The_sample_file_reads_every_company_and_person()
    {
        Assert.Equal(16, SampleContacts.Items.Count(i => i.Company is not null));
        Assert.Equal(31, SampleContacts.Items.Count(i => i.Person is not null));
        Assert.All(SampleContacts.Items, i => Assert.Null(i.Error));
        Assert.Equal(["biuro@mpmgrupa.test", "sekretariat@mpmgrupa.test"], SampleContacts.Snapshot().Companies["C003"].Emails);
    }

}
