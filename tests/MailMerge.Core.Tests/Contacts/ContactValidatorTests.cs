using MailMerge.Contacts;

namespace MailMerge.Tests.Contacts;

public class ContactValidatorTests
{
    [Theory]
    [InlineData("X\n")]
    [InlineData("X\r\n")]
    public void Validate_refuses_a_company_id_with_a_final_line_break(string id)
    {
        Dictionary<string, List<string>> errors = ContactValidator.Validate(new Company { Id = id, Name = "Firma" }, "companies[0].");
        Assert.Equal(["companies[0].id"], errors.Keys);
    }

    [Theory]
    [InlineData("P1\n")]
    [InlineData("P1\r\n")]
    public void Validate_refuses_a_person_id_or_company_id_with_a_final_line_break(string id)
    {
        Dictionary<string, List<string>> errors = ContactValidator.Validate(new Person { Id = id, CompanyId = id, LastName = "Nowak" });
        Assert.Equal(["companyId", "id"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Selection_refuses_contact_ids_with_a_final_line_break(string end)
    {
        var selection = new ContactSelection { Companies = ["C1" + end], Persons = ["P1" + end] };
        Assert.Equal(["contacts.companies[0]", "contacts.persons[0]"], ContactSelectionRules.Validate(selection, "contacts.").Keys.Order(StringComparer.Ordinal));
    }
}
