using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MailMerge.Json;

namespace MailMerge.IntegrationTests.Contacts;

/// <summary>The contact store through its HTTP API, on Azurite: import, CRUD, search with its index kept in step.</summary>
[Collection(LocalHostTests.Name)]
public class ContactStoreApiTests(ContactsFixture contacts) : IClassFixture<ContactsFixture>
{
    private static string Unique() => "q" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Importing_the_sample_file_stores_every_company_and_person()
    {
        Assert.Equal(16, contacts.Imported["companies"]!.GetValue<int>());
        Assert.Equal(31, contacts.Imported["persons"]!.GetValue<int>());
        Assert.Empty(contacts.Imported["rejected"]!.AsArray());

        JsonNode company = JsonNode.Parse(await contacts.Http.GetStringAsync($"/api/contacts/companies/{contacts.Id("C003")}"))!;
        Assert.Equal("MPM Grupa", company["name"]!.GetValue<string>());
        Assert.Equal(["biuro@mpmgrupa.test", "sekretariat@mpmgrupa.test"], company["emails"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("Kraków", company["postalAddress"]!["city"]!.GetValue<string>());
        Assert.Equal("j.sikora@crm-biuro.test", company["accountManager"]!["email"]!.GetValue<string>());
        Assert.Equal("K/2026/0003", company["fields"]!["client_number"]!.GetValue<string>());

        JsonNode persons = JsonNode.Parse(await contacts.Http.GetStringAsync($"/api/contacts/companies/{contacts.Id("C003")}/persons"))!;
        Assert.Equal(new[] { "C003-P1", "C003-P2", "C003-P3" }.Select(contacts.Id), persons["items"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.True(persons["items"]![0]!["isDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Importing_again_replaces_instead_of_duplicating()
    {
        using HttpResponseMessage response = await contacts.Http.PostAsync("/api/contacts/import", new StringContent(contacts.SampleJson(), Encoding.UTF8, "application/json"));
        JsonNode result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, result["created"]!.GetValue<int>());
        Assert.Equal(47, result["updated"]!.GetValue<int>());
        List<JsonNode> hits = await contacts.SearchAllAsync("q=mpm&kind=company");
        Assert.Single(hits, h => h["id"]!.GetValue<string>() == contacts.Id("C003"));
    }

    [Fact]
    public async Task A_csv_import_keeps_the_good_lines_and_reports_each_rejected_one_with_its_reason()
    {
        string p = Unique() + "-";
        string csv =
            "type;id;company_id;name;first_name;last_name;emails;street;postal_code;city;is_default;segment\r\n" +
            $"company;{p}F1;;Firma Jeden;;;biuro@jeden.test sekretariat@jeden.test;ul. Polna 1;00-001;Łódź;;VIP\r\n" +
            $"company;{p}F2;;;;;biuro@dwa.test;;;;;\r\n" +
            $"person;{p}F1-P1;{p}F1;;Anna;Nowak;anna@jeden.test;;;;true;\r\n" +
            $"person;{p}F9-P1;{p}F9;;Jan;Kowal;jan@x.test;;;;false;\r\n" +
            $"person;{p}F1-P2;{p}F1;;Ewa;Lis;ewa(at)jeden.test;;;;false;\r\n" +
            $"person;{p}F1-P3;{p}F1;;Ola;Kot;ola@jeden.test;;;;maybe;\r\n" +
            $"robot;{p}R1;;R2D2;;;;;;;;\r\n";

        using HttpResponseMessage response = await contacts.Http.PostAsync("/api/contacts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode result = JsonNode.Parse(body)!;

        Assert.Equal((1, 1), (result["companies"]!.GetValue<int>(), result["persons"]!.GetValue<int>()));
        var rejected = result["rejected"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), string.Join(" ", r["reasons"]!.AsArray().Select(x => x!.GetValue<string>())))).ToList();
        Assert.Equal([2, 4, 5, 6, 7], rejected.Select(r => r.Item1));
        Assert.Contains("name: Required.", rejected[0].Item2, StringComparison.Ordinal);
        Assert.Contains($"no company '{p}F9'", rejected[1].Item2, StringComparison.Ordinal);
        Assert.Contains("emails[0]: Not an e-mail address", rejected[2].Item2, StringComparison.Ordinal);
        Assert.Contains("is_default", rejected[3].Item2, StringComparison.Ordinal);
        Assert.Contains("'robot' is neither", rejected[4].Item2, StringComparison.Ordinal);

        JsonNode company = JsonNode.Parse(await contacts.Http.GetStringAsync($"/api/contacts/companies/{p}F1"))!;
        Assert.Equal("VIP", company["fields"]!["segment"]!.GetValue<string>());
        Assert.Equal(2, company["emails"]!.AsArray().Count);
        JsonNode person = JsonNode.Parse(await contacts.Http.GetStringAsync($"/api/contacts/persons/{p}F1-P1"))!;
        Assert.True(person["isDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_json_import_reports_items_it_cannot_read_and_keeps_the_rest()
    {
        string p = Unique() + "-";
        string json = $$"""
            {"companies": [ {"id": "{{p}}A", "name": "Alfa"}, {"id": "{{p}}B", "name": 5, "general_emails": "x"}, {"id": "bad id", "name": "Beta"} ],
             "contact_persons": [ {"id": "{{p}}A-P1", "company_id": "{{p}}A", "first_name": "Jan", "emails": ["jan@alfa.test"], "primary_email": "nope@alfa.test"} ]}
            """;

        JsonNode result = await PostRawAsync("/api/contacts/import", json, "application/json");

        Assert.Equal(1, result["companies"]!.GetValue<int>());
        var rejected = result["rejected"]!.AsArray().ToDictionary(r => r!["item"]!.GetValue<string>(), r => string.Join(" ", r!["reasons"]!.AsArray().Select(x => x!.GetValue<string>())));
        Assert.Equal(["companies[1]", "companies[2]", "contact_persons[0]"], rejected.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Not a company object", rejected["companies[1]"], StringComparison.Ordinal);
        Assert.Contains("id: Use 1 to 100", rejected["companies[2]"], StringComparison.Ordinal);
        Assert.Contains("primaryEmail", rejected["contact_persons[0]"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_read_update_delete_keep_search_in_step()
    {
        string word = Unique();
        string id = word + "-co";
        JsonNode created = await contacts.PostAsync("/api/contacts/companies", new
        {
            id, name = $"Zakład {word} Łódzki", taxId = "PL7251234567", emails = new[] { $"biuro@{word}.test" },
            postalAddress = new { street = "ul. Piotrkowska 1", postalCode = "90-001", city = "Łódź" },
            accountManager = new { name = "Piotr Żak", email = "p.zak@crm-biuro.test" },
            fields = new { client_number = 17 },
        }, HttpStatusCode.Created);
        Assert.Equal("17", created["fields"]!["client_number"]!.GetValue<string>());
        await contacts.PostAsync("/api/contacts/companies", new { id, name = "Again" }, HttpStatusCode.Conflict);

        Assert.Single(await contacts.SearchAllAsync($"q={word}"));
        Assert.Single(await contacts.SearchAllAsync($"q=ZAKLAD%20{word}"));
        Assert.Single(await contacts.SearchAllAsync($"q=biuro@{word}&by=email"));

        using (HttpResponseMessage put = await contacts.Http.PutAsJsonAsync($"/api/contacts/companies/{id}", new { name = $"Hurtownia {word}x", emails = new[] { $"kontakt@{word}.test" } }, MailMergeJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Empty(await contacts.SearchAllAsync($"q=zaklad%20{word}"));
        Assert.Empty(await contacts.SearchAllAsync($"q=biuro@{word}&by=email"));
        Assert.Equal($"Hurtownia {word}x", Assert.Single(await contacts.SearchAllAsync($"q={word}x"))["name"]!.GetValue<string>());
        Assert.Single(await contacts.SearchAllAsync($"q=kontakt@{word}&by=email"));

        JsonNode person = await contacts.PostAsync("/api/contacts/persons", new
        {
            companyId = id, title = "Pani", firstName = "Żaneta", lastName = word, emails = new[] { $"z1@{word}.test", $"z2@{word}.test" }, primaryEmail = $"z2@{word}.test", isDefault = true,
        }, HttpStatusCode.Created);
        string personId = person["id"]!.GetValue<string>();
        JsonNode hit = Assert.Single(await contacts.SearchAllAsync($"q=zaneta%20{word}&kind=person"));
        Assert.Equal(($"z2@{word}.test", id), (hit["email"]!.GetValue<string>(), hit["companyId"]!.GetValue<string>()));

        using (HttpResponseMessage blocked = await contacts.Http.DeleteAsync($"/api/contacts/companies/{id}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        }

        using (HttpResponseMessage deleted = await contacts.Http.DeleteAsync($"/api/contacts/companies/{id}?withPersons=true"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty(await contacts.SearchAllAsync($"q={word}"));
        Assert.Equal(HttpStatusCode.NotFound, (await contacts.Http.GetAsync($"/api/contacts/persons/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contacts.Http.GetAsync($"/api/contacts/companies/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_new_default_contact_takes_the_flag_from_the_previous_one()
    {
        string p = Unique();
        await contacts.PostAsync("/api/contacts/companies", new { id = p, name = "Firma " + p }, HttpStatusCode.Created);
        await contacts.PostAsync("/api/contacts/persons", new { id = p + "-1", companyId = p, lastName = "Pierwsza", isDefault = true }, HttpStatusCode.Created);
        await contacts.PostAsync("/api/contacts/persons", new { id = p + "-2", companyId = p, lastName = "Druga", isDefault = true }, HttpStatusCode.Created);

        JsonNode persons = JsonNode.Parse(await contacts.Http.GetStringAsync($"/api/contacts/companies/{p}/persons"))!;
        Assert.Equal([(p + "-1", false), (p + "-2", true)], persons["items"]!.AsArray().Select(x => (x!["id"]!.GetValue<string>(), x["isDefault"]!.GetValue<bool>())));
    }

    [Fact]
    public async Task Bad_contacts_get_a_400_naming_each_field()
    {
        JsonNode problem = await contacts.PostAsync("/api/contacts/persons", new
        {
            id = "bad id", companyId = "no-such-company-" + Unique(), emails = new[] { "jan(at)x.test" }, isDefault = true, firstName = "A\nB",
        }, HttpStatusCode.BadRequest);

        Assert.Equal(["companyId", "emails[0]", "firstName", "id"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

        JsonNode unknownCompany = await contacts.PostAsync("/api/contacts/persons", new { lastName = "X", companyId = "no-such-" + Unique() }, HttpStatusCode.BadRequest);
        Assert.Contains("No company", unknownCompany["errors"]!["companyId"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        using HttpResponseMessage search = await contacts.Http.GetAsync("/api/contacts/search?q=&by=phone&pageSize=1000");
        JsonNode searchProblem = JsonNode.Parse(await search.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Equal(["by", "pageSize", "q"], searchProblem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_ignores_case_and_diacritics_lodz_finds_Lodz()
    {
        List<JsonNode> byCity = await contacts.SearchAllAsync("q=lodz&by=city&kind=company&pageSize=50");
        Assert.Contains(byCity, h => h["id"]!.GetValue<string>() == contacts.Id("C002") && h["city"]!.GetValue<string>() == "Łódź");

        List<JsonNode> lowicz = await contacts.SearchAllAsync("q=LOWICZ&kind=company");
        Assert.Contains(lowicz, h => h["id"]!.GetValue<string>() == contacts.Id("C008"));

        List<JsonNode> lukasz = await contacts.SearchAllAsync("q=łukasz%20krawcz&kind=person");
        Assert.Contains(lukasz, h => h["id"]!.GetValue<string>() == contacts.Id("C005-P2"));
        Assert.DoesNotContain(lukasz, h => h["id"]!.GetValue<string>() == contacts.Id("C006-P1"));

        List<JsonNode> email = await contacts.SearchAllAsync("q=lkra@&by=email");
        Assert.Contains(email, h => h["id"]!.GetValue<string>() == contacts.Id("C005-P2"));
    }

    [Fact]
    public async Task A_renamed_person_is_found_by_the_new_first_and_last_name_together_and_no_longer_by_the_old()
    {
        string word = Unique();
        JsonNode person = await contacts.PostAsync("/api/contacts/persons", new
        {
            firstName = "Anna", lastName = word, emails = new[] { $"anna@{word}.test" },
        }, HttpStatusCode.Created);
        string id = person["id"]!.GetValue<string>();
        Assert.Single(await contacts.SearchAllAsync($"q=anna%20{word}"));

        using (HttpResponseMessage put = await contacts.Http.PutAsJsonAsync($"/api/contacts/persons/{id}", new { firstName = "Ewa", lastName = word, emails = new[] { $"anna@{word}.test" } }, MailMergeJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(id, Assert.Single(await contacts.SearchAllAsync($"q=ewa%20{word}"))["id"]!.GetValue<string>());
        Assert.Empty(await contacts.SearchAllAsync($"q=anna%20{word}"));
        Assert.Single(await contacts.SearchAllAsync($"q={word}%20EWA"));
    }

    [Fact]
    public async Task Search_pages_through_every_match_once()
    {
        List<JsonNode> mikro = await contacts.SearchAllAsync("q=mikro&kind=company&pageSize=1");
        var ours = mikro.Select(h => h["id"]!.GetValue<string>()).Where(id => id.StartsWith(contacts.Prefix, StringComparison.Ordinal)).ToList();

        Assert.Equal([contacts.Id("C001"), contacts.Id("C002")], ours.Order(StringComparer.Ordinal));
        Assert.Equal(mikro.Count, mikro.Select(h => h["id"]!.GetValue<string>()).Distinct().Count());

        using HttpResponseMessage bad = await contacts.Http.GetAsync("/api/contacts/search?q=mikro&continuation=" + Convert.ToBase64String(Encoding.UTF8.GetBytes("zzz")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<JsonNode> PostRawAsync(string path, string body, string contentType)
    {
        using HttpResponseMessage response = await contacts.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }
}
