using System.Net;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests.Contacts;

/// <summary>Selections resolved against the stored sample contacts: the preview, letters, and a campaign sent from contacts.</summary>
[Collection(LocalHostTests.Name)]
public class ContactResolutionTests(ContactsFixture contacts) : IClassFixture<ContactsFixture>
{
    private string Src(string text) => text.Replace("C0", contacts.Prefix + "C0", StringComparison.Ordinal);

    [Fact]
    public async Task The_preview_lists_every_line_with_its_source_and_every_dropped_line_with_its_reason()
    {
        string odd = contacts.Prefix + "odd";
        await contacts.PostAsync("/api/contacts/persons", new { id = odd, firstName = "Jan", lastName = "Literówka", emails = new[] { "jan@firma_biuro.test" } }, HttpStatusCode.Created);

        JsonNode result = await contacts.PostAsync("/api/contacts/resolve", new
        {
            contacts = new
            {
                companies = new[] { "C003", "C014", "C010" }.Select(contacts.Id),
                persons = new[] { contacts.Id("C002-P2"), contacts.Id("C003-P1"), odd },
                companyAddresses = new[] { "general", "defaultContact" },
                personAddresses = "all",
            },
            exclusions = new[] { "gmail.test" },
        });

        Assert.Equal(
            [
                (1, "biuro@mpmgrupa.test", "company C003, general address 1"),
                (2, "sekretariat@mpmgrupa.test", "company C003, general address 2"),
                (3, "malgorzata.zielinska@mpmgrupa.test", "person C003-P1, default contact"),
                (4, "michal.szymanski@softel.test", "person C014-P1, default contact"),
                (5, "biuro@rbit.test", "company C010, general address 1"),
                (6, "malgorzata.kaminska@mikroplan.test", "person C002-P2"),
            ],
            result["recipients"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), r["email"]!.GetValue<string>(), r["source"]!.GetValue<string>()))
                .Select(r => (r.Item1, r.Item2, r.Item3.Replace(contacts.Prefix, string.Empty, StringComparison.Ordinal))));
        Assert.Equal(
            [
                (Src("company C014, general address"), "NoAddress"),
                (Src("person C010-P1, default contact"), "NoAddress"),
                (Src("person C002-P2, address 2"), "Excluded"),
                (Src("person C003-P1"), "Duplicate"),
                ($"person {odd}", "Invalid"),
            ],
            result["dropped"]!.AsArray().Select(d => (d!["source"]!.GetValue<string>(), d["reason"]!.GetValue<string>())));
        Assert.Equal("mkam@gmail.test", result["dropped"]![2]!["address"]!.GetValue<string>());
        Assert.Equal(6, result["counts"]!["recipients"]!.GetValue<int>());
        Assert.Equal(2, result["counts"]!["noAddress"]!.GetValue<int>());

        JsonNode third = result["recipients"]![2]!;
        Assert.Equal("Małgorzata Zielińska", third["displayName"]!.GetValue<string>());
        Assert.Equal("MPM Grupa", third["fields"]!["company_name"]!.GetValue<string>());
        Assert.Equal("K/2026/0003", third["fields"]!["client_number"]!.GetValue<string>());
        Assert.Equal("j.sikora@crm-biuro.test", third["fields"]!["account_manager_email"]!.GetValue<string>());
        Assert.Equal("ul. Długa 7/3", third["fields"]!["street"]!.GetValue<string>());
    }

    [Fact]
    public async Task Letters_go_to_every_contact_with_a_postal_address_and_those_without_are_reported()
    {
        string loner = contacts.Prefix + "loner";
        await contacts.PostAsync("/api/contacts/persons", new { id = loner, firstName = "Ewa", lastName = "Bezadresowa", emails = new[] { "ewa@bez.test" } }, HttpStatusCode.Created);

        JsonNode result = await contacts.PostAsync("/api/contacts/resolve", new
        {
            mode = "letters",
            contacts = new { companies = new[] { contacts.Id("C010") }, persons = new[] { loner }, companyAddresses = new[] { "general", "defaultContact" } },
        });

        Assert.Equal(
            [(Src("company C010"), "RBIT Rozwiązania IT", "Rzeszów"), (Src("person C010-P1, default contact"), "Pan Józef Jankowski", "Rzeszów")],
            result["recipients"]!.AsArray().Select(r => (r!["source"]!.GetValue<string>(), r["addressee"]!.GetValue<string>(), r["postalAddress"]!["city"]!.GetValue<string>())));
        Assert.Equal("ul. Jagiellońska 9", result["recipients"]![1]!["fields"]!["street"]!.GetValue<string>());
        JsonNode dropped = Assert.Single(result["dropped"]!.AsArray())!;
        Assert.Equal(($"person {loner}", "NoAddress"), (dropped["source"]!.GetValue<string>(), dropped["reason"]!.GetValue<string>()));
        Assert.Contains("postal address", dropped["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_batch_from_contacts_writes_a_letter_per_addressable_contact_and_reports_the_rest()
    {
        string loner = contacts.Prefix + "loner-batch";
        await contacts.PostAsync("/api/contacts/persons", new { id = loner, firstName = "Ewa", lastName = "Bezadresowa", emails = new[] { "ewa@bez.test" } }, HttpStatusCode.Created);
        string template = "ct" + Guid.NewGuid().ToString("N")[..8];
        using (var docx = new ByteArrayContent(LetterDocx.Build("{{ addressee }}", "{{ street }}", "{{ postal_code }} {{ city }}", "Nr: {{ registered_number }}")))
        using (HttpResponseMessage put = await contacts.Http.PutAsync($"/api/letter-templates/{template}", docx))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        JsonNode accepted = await contacts.PostAsync("/api/letter-batches", new
        {
            subject = "Zmiana rachunku", template, deliveryMethod = "registered",
            contacts = new { companies = new[] { contacts.Id("C010") }, persons = new[] { loner }, companyAddresses = new[] { "general", "defaultContact" } },
        }, HttpStatusCode.Accepted);
        Assert.Equal(($"person {loner}", "NoAddress"), (accepted["dropped"]![0]!["source"]!.GetValue<string>(), accepted["dropped"]![0]!["reason"]!.GetValue<string>()));

        string id = accepted["id"]!.GetValue<string>();
        JsonNode status = await WaitForLettersAsync(id);
        Assert.Equal(2, status["letters"]!["generated"]!.GetValue<int>());
        Assert.Equal(1, status["dropped"]!["total"]!.GetValue<int>());
        Assert.Equal($"person {loner}", status["dropped"]!["lines"]![0]!["source"]!.GetValue<string>());

        JsonNode documents = JsonNode.Parse(await contacts.Http.GetStringAsync($"/api/letter-batches/{id}/documents"))!;
        var texts = new List<string>();
        foreach (JsonNode? letter in documents["letters"]!.AsArray())
        {
            texts.Add(LetterDocx.Text(await contacts.Http.GetByteArrayAsync(letter!["url"]!.GetValue<string>())));
        }

        Assert.Contains(texts, t => t.Contains("RBIT Rozwiązania IT", StringComparison.Ordinal) && t.Contains("Rzeszów", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Pan Józef Jankowski", StringComparison.Ordinal) && t.Contains("ul. Jagiellońska 9", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Bezadresowa", StringComparison.Ordinal));

        string dispatch = await contacts.Http.GetStringAsync($"/api/letter-batches/{id}/dispatch-list?format=csv");
        Assert.Contains("Pan Józef Jankowski", dispatch, StringComparison.Ordinal);
        Assert.Contains("RBIT Rozwiązania IT", dispatch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_batch_needs_exactly_one_source_of_recipients_and_known_contacts()
    {
        JsonNode both = await contacts.PostAsync("/api/letter-batches", new
        {
            subject = "S", template = "none", deliveryMethod = "ordinary",
            recipients = new[] { new { name = "A" } }, contacts = new { companies = new[] { contacts.Id("C010") } },
        }, HttpStatusCode.BadRequest);
        Assert.True(both["errors"]!.AsObject().ContainsKey("contacts"), both.ToJsonString());

        string template = "ct" + Guid.NewGuid().ToString("N")[..8];
        using (var docx = new ByteArrayContent(LetterDocx.Build("{{ addressee }}")))
        using (HttpResponseMessage put = await contacts.Http.PutAsync($"/api/letter-templates/{template}", docx))
        {
            Assert.True(put.IsSuccessStatusCode);
        }

        JsonNode unknown = await contacts.PostAsync("/api/letter-batches", new
        {
            subject = "S", template, deliveryMethod = "ordinary", contacts = new { companies = new[] { contacts.Id("C999") } },
        }, HttpStatusCode.BadRequest);
        Assert.True(unknown["errors"]!.AsObject().ContainsKey("contacts.companies[0]"), unknown.ToJsonString());
    }

    private async Task<JsonNode> WaitForLettersAsync(string id)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            JsonNode status = JsonNode.Parse(await contacts.Http.GetStringAsync($"/api/letter-batches/{id}"))!;
            if (status["state"]!.GetValue<string>() != "Generating")
            {
                Assert.Equal("Completed", status["state"]!.GetValue<string>());
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Batch {id} still generating: {status.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Unknown_contacts_and_bad_rules_get_a_400_naming_each()
    {
        JsonNode problem = await contacts.PostAsync("/api/contacts/resolve", new
        {
            contacts = new { companies = new[] { contacts.Id("C001"), contacts.Id("C999") }, persons = new[] { "nobody-" + contacts.Prefix } },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["contacts.companies[1]", "contacts.persons[0]"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

        JsonNode rules = await contacts.PostAsync("/api/contacts/resolve", new
        {
            mode = "fax", contacts = new { companies = new[] { contacts.Id("C001") } },
        }, HttpStatusCode.BadRequest);
        Assert.True(rules["errors"]!.AsObject().ContainsKey("mode"));
    }

    [Fact]
    public async Task A_campaign_from_contacts_sends_once_per_resolved_address_with_merged_fields()
    {
        string body = "<p>Dzień dobry {{ contact_name | default: \"Szanowni Państwo\" }} ({{ company_name }}, {{ city }}), opiekun: {{ account_manager_email }}, nr {{ client_number }}</p>";
        string id = await contacts.App.CreateCampaignAsync(new
        {
            name = "Kontakty",
            subject = "Dla {{ company_name }}",
            body,
            sender = "test",
            contacts = new
            {
                companies = new[] { contacts.Id("C003"), contacts.Id("C014") },
                persons = new[] { contacts.Id("C003-P2") },
                companyAddresses = new[] { "general", "defaultContact", "otherContacts" },
                personAddresses = "all",
            },
            exclusions = new[] { "sekretariat@mpmgrupa.test" },
        });
        JsonNode status = await contacts.App.WaitForEndAsync(id);

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        List<string> addresses = contacts.App.Smtp.Messages.Where(m => m.Message.Subject?.StartsWith("Dla ", StringComparison.Ordinal) == true)
            .SelectMany(m => m.Recipients).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "biuro@mpmgrupa.test", "dorota.wozniak@softel.test", "dwoź@gmail.test", "malgorzata.zielinska@mpmgrupa.test", "michal.szymanski@softel.test",
                "pawel.szymanski@mpmgrupa.test", "pszy@gmail.test", "zofia.wozniak@mpmgrupa.test",
            ],
            addresses);

        TestSmtpServer.Received paul = contacts.App.Smtp.Messages.Single(m => m.Recipients.Contains("pawel.szymanski@mpmgrupa.test"));
        Assert.Contains("Dzień dobry Paweł Szymański (MPM Grupa, Kraków), opiekun: j.sikora@crm-biuro.test, nr K/2026/0003", paul.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Paweł Szymański", paul.Message.To.Mailboxes.Single().Name);
        TestSmtpServer.Received general = contacts.App.Smtp.Messages.Single(m => m.Recipients.Contains("biuro@mpmgrupa.test"));
        Assert.Contains("Dzień dobry Szanowni Państwo (MPM Grupa", general.Message.TextBody, StringComparison.Ordinal);

        List<JsonNode> report = await contacts.App.RecipientsAsync(id);
        Assert.Equal(
            ["pawel.szymanski@mpmgrupa.test", "pszy@gmail.test"],
            report.Where(r => r["status"]!.GetValue<string>() == "Duplicate").Select(r => r["email"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(8, report.Count(r => r["status"]!.GetValue<string>() == "Sent"));
        Assert.Equal("sekretariat@mpmgrupa.test", Assert.Single(report, r => r["status"]!.GetValue<string>() == "Excluded")["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_campaign_naming_an_unknown_contact_is_refused_naming_the_field()
    {
        JsonNode problem = await contacts.PostAsync("/api/campaigns", new
        {
            name = "n", subject = "s", body = "<p>b</p>", sender = "test",
            contacts = new { companies = new[] { contacts.Id("C001"), "missing-" + contacts.Prefix }, companyAddresses = new[] { "general", "everyone" } },
        }, HttpStatusCode.BadRequest);

        Assert.Equal(["contacts.companyAddresses[1]"], problem["errors"]!.AsObject().Select(e => e.Key));

        JsonNode unknown = await contacts.PostAsync("/api/campaigns", new
        {
            name = "n", subject = "s", body = "<p>b</p>", sender = "test", contacts = new { companies = new[] { "missing-" + contacts.Prefix } },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["contacts.companies[0]"], unknown["errors"]!.AsObject().Select(e => e.Key));

        JsonNode both = await contacts.PostAsync("/api/campaigns", new
        {
            name = "n", subject = "s", body = "<p>b</p>", sender = "test", recipientList = "x", contacts = new { companies = new[] { contacts.Id("C001") } },
        }, HttpStatusCode.BadRequest);
        Assert.True(both["errors"]!.AsObject().ContainsKey("contacts"), both.ToJsonString());
    }
}
