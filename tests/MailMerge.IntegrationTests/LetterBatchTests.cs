using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MailMerge.IntegrationTests.Infrastructure;
using MailMerge.Json;
using MailMerge.Letters;

namespace MailMerge.IntegrationTests;

/// <summary>Letter batches through the local host on Azurite: templates, generation, numbers, journals, dispatch lists.</summary>
[Collection(LocalHostTests.Name)]
public sealed class LetterBatchTests : IClassFixture<LetterBatchTests.App>
{
    private readonly App app;

    public LetterBatchTests(App app) => this.app = app;

    /// <summary>One local host for the class; letter tests do not send mail.</summary>
    public sealed class App : IAsyncLifetime
    {
        internal MailMergeApp Host { get; private set; } = null!;

        public HttpClient Clerk { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await MailMergeApp.StartAsync();
            Clerk = new HttpClient { BaseAddress = Host.Host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            Clerk.DefaultRequestHeaders.Add("X-Api-Key", MailMergeApp.ClerkKey);
        }

        public async Task DisposeAsync()
        {
            Clerk.Dispose();
            await Host.DisposeAsync();
        }
    }

    private HttpClient Http => app.Host.Http;

    private static readonly Dictionary<string, string?>[] People =
    [
        new() { ["name"] = "Zażółć Gęślą Jaźń", ["street"] = "ul. Długa 5/7", ["postal_code"] = "00-950", ["city"] = "Łódź" },
        new() { ["name"] = "\"Kowalski & Syn\" <sp. j.>", ["street"] = "ul. Krótka 1\nlok. 2", ["postal_code"] = "31-001", ["city"] = "Kraków" },
        new() { ["name"] = "Anna 🙂 Nowak", ["street"] = "Rynek 10", ["postal_code"] = "50-101", ["city"] = "Wrocław" },
    ];

    private static byte[] MarkedTemplate() => LetterDocx.Build(
        "Kancelaria Przykładowa — wysyłka zbiorcza",
        "#BEGIN_CONTEXT#",
        "«name»",
        "«street»",
        "«postal_code» «city»",
        "Nr nadawczy: {{ registered_number }}",
        "Znak sprawy: {{ journal_number }}",
        "Dotyczy: {{ subject }}",
        "#LIST#Pierwszy punkt pisma",
        "#LIST#Drugi punkt pisma",
        "#END_CONTEXT#",
        "Koniec zestawienia");

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task PutTemplateAsync(string name, byte[] docx)
    {
        using var content = new ByteArrayContent(docx);
        using HttpResponseMessage response = await Http.PutAsync($"/api/letter-templates/{name}", content);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonNode> CreateAsync(HttpClient http, object request)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/letter-batches", request, MailMergeJson.Options);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/letter-batches: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private async Task<JsonNode> WaitAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            JsonNode status = JsonNode.Parse(await Http.GetStringAsync($"/api/letter-batches/{id}"))!;
            if (status["state"]!.GetValue<string>() != "Generating")
            {
                Assert.Equal("Completed", status["state"]!.GetValue<string>());
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Batch {id} still generating: {status.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    private async Task<JsonNode> DocumentsAsync(string id) => JsonNode.Parse(await Http.GetStringAsync($"/api/letter-batches/{id}/documents"))!;

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Template_upload_reports_the_fields_of_a_real_Word_template_and_refuses_other_files()
    {
        string name = Unique("mac");
        await PutTemplateAsync(name, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "templates", "docx", "test_macword2011.docx")));

        JsonNode info = JsonNode.Parse(await Http.GetStringAsync($"/api/letter-templates/{name}"))!;
        Assert.Equal(["first_name", "last_name", "address_line", "postal_code", "city", "state", "country", "date"], info["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.False(info["hasContextMarkers"]!.GetValue<bool>());
        byte[] stored = await Http.GetByteArrayAsync($"/api/letter-templates/{name}?format=docx");
        Assert.Equal(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "templates", "docx", "test_macword2011.docx")), stored);

        using var text = new StringContent("Dear {{ name }}, this is not a Word file.");
        using HttpResponseMessage refused = await Http.PutAsync($"/api/letter-templates/{Unique("txt")}", text);
        JsonNode problem = await ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("not a usable Word document", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        using HttpResponseMessage missing = await Http.GetAsync($"/api/letter-templates/{Unique("none")}");
        await ProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Per_recipient_batch_writes_a_valid_docx_per_recipient_with_consecutive_registered_numbers()
    {
        string template = Unique("marked");
        await PutTemplateAsync(template, MarkedTemplate());
        string counter = Unique("c");

        JsonNode accepted = await CreateAsync(Http, new
        {
            subject = "Wypowiedzenie umowy",
            template,
            deliveryMethod = "registeredWithReturnReceipt",
            storageLocation = "Szafa 3, półka 2",
            recipients = People.Select(p => new { fields = p }),
            registeredNumbers = new { counter, start = 47312482, serviceIndicator = "RR", country = "PL" },
        });
        JsonNode status = await WaitAsync(accepted["id"]!.GetValue<string>());
        Assert.Equal(3, status["letters"]!["generated"]!.GetValue<int>());
        Assert.Equal(RegisteredNumber.Create("RR", 47312482, "PL").ToString(), status["registeredNumbers"]!["first"]!.GetValue<string>());

        JsonNode documents = await DocumentsAsync(accepted["id"]!.GetValue<string>());
        JsonArray letters = documents["letters"]!.AsArray();
        Assert.Equal(3, letters.Count);
        for (int i = 0; i < letters.Count; i++)
        {
            string number = letters[i]!["registeredNumber"]!.GetValue<string>();
            Assert.True(RegisteredNumber.TryParse(number, out RegisteredNumber parsed), number);
            Assert.Equal(47312482 + i, parsed.Serial);

            byte[] docx = await Http.GetByteArrayAsync(letters[i]!["url"]!.GetValue<string>());
            Assert.Empty(LetterDocx.Errors(docx));
            Assert.False(LetterDocx.HasFieldLeft(docx));
            string text = LetterDocx.Text(docx);
            Assert.Contains(People[i]["name"]!, text, StringComparison.Ordinal);
            Assert.Contains("Nr nadawczy: " + number, text, StringComparison.Ordinal);
            Assert.Contains("Dotyczy: Wypowiedzenie umowy", text, StringComparison.Ordinal);
            Assert.DoesNotContain("#BEGIN_CONTEXT#", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Combined_batch_repeats_only_the_marked_part_and_LibreOffice_prints_one_page_per_letter()
    {
        string template = Unique("marked");
        await PutTemplateAsync(template, MarkedTemplate());
        JsonNode accepted = await CreateAsync(Http, new
        {
            subject = "Zawiadomienie",
            template,
            deliveryMethod = "registered",
            output = "combined",
            recipients = People,
            registeredNumbers = new { counter = Unique("c"), start = 1000 },
        });
        Assert.Null(accepted["notice"]);
        string id = accepted["id"]!.GetValue<string>();
        await WaitAsync(id);

        JsonNode documents = await DocumentsAsync(id);
        byte[] docx = await Http.GetByteArrayAsync(documents["combinedDocument"]!["url"]!.GetValue<string>());
        Assert.Empty(LetterDocx.Errors(docx));
        Assert.False(LetterDocx.HasFieldLeft(docx));
        string text = LetterDocx.Text(docx);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Kancelaria Przykładowa"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Koniec zestawienia"));

        (string pdf, int pages) = PdfText.Render(docx);
        Assert.Equal(People.Length, pages);
        foreach ((Dictionary<string, string?> person, int i) in People.Select((p, i) => (p, i)))
        {
            Assert.Contains(person["city"]!, pdf, StringComparison.Ordinal);
            Assert.Contains(RegisteredNumber.Create("RR", 1000 + i, "PL").ToString(), pdf, StringComparison.Ordinal);
        }

        Assert.Contains("Zażółć Gęślą Jaźń", pdf, StringComparison.Ordinal);
        Assert.Contains("\"Kowalski & Syn\" <sp. j.>", pdf, StringComparison.Ordinal);
        Assert.Equal(People.Length, System.Text.RegularExpressions.Regex.Count(pdf, @"1\.\s+Pierwszy punkt pisma"));
    }

    [Fact]
    public async Task Combined_request_for_a_template_without_markers_says_the_whole_document_repeats()
    {
        string template = Unique("plain");
        await PutTemplateAsync(template, LetterDocx.Build("Szanowny Panie «name»,", "treść pisma."));
        JsonNode accepted = await CreateAsync(Http, new { subject = "S", template, deliveryMethod = "ordinary", output = "combined", recipients = People });
        Assert.Contains("whole document repeats", accepted["notice"]!.GetValue<string>(), StringComparison.Ordinal);
        await WaitAsync(accepted["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_batches_are_refused_naming_each_field_and_broken_markers_name_the_template()
    {
        using HttpResponseMessage invalid = await Http.PostAsJsonAsync("/api/letter-batches", new
        {
            template = "no such template!",
            deliveryMethod = "pigeon",
            output = "stacked",
            registeredNumbers = new { start = -1, country = "POL" },
        }, MailMergeJson.Options);
        JsonNode problem = await ProblemAsync(invalid, HttpStatusCode.BadRequest);
        foreach (string field in new[] { "subject", "template", "deliveryMethod", "output", "recipients", "registeredNumbers.start", "registeredNumbers.country" })
        {
            Assert.True(problem["errors"]![field] is not null, $"{field} missing from {problem.ToJsonString()}");
        }

        string broken = Unique("broken");
        await PutTemplateAsync(broken, LetterDocx.Build("#END_CONTEXT#", "«name»", "#BEGIN_CONTEXT#"));
        using HttpResponseMessage refused = await Http.PostAsJsonAsync("/api/letter-batches",
            new { subject = "S", template = broken, deliveryMethod = "ordinary", output = "combined", recipients = People }, MailMergeJson.Options);
        JsonNode markers = await ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("combined document", markers["errors"]!["template"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_registration_needs_the_permission_and_the_journal_lists_entries_with_document_links()
    {
        string template = Unique("marked");
        await PutTemplateAsync(template, MarkedTemplate());
        string journal = Unique("KOR");
        var request = new
        {
            subject = "Odpowiedź na reklamację",
            template,
            deliveryMethod = "priority",
            recipients = People,
            journal = new { name = journal, receivedDate = "2026-11-30" },
        };

        using HttpResponseMessage forbidden = await Http.PostAsJsonAsync("/api/letter-batches", request, MailMergeJson.Options);
        JsonNode problem = await ProblemAsync(forbidden, HttpStatusCode.Forbidden);
        Assert.Equal("journals.write", problem["permission"]!.GetValue<string>());
        using HttpResponseMessage none = await Http.GetAsync($"/api/journals/{journal}/entries");
        await ProblemAsync(none, HttpStatusCode.NotFound);

        JsonNode accepted = await CreateAsync(app.Clerk, request);
        JsonNode status = await WaitAsync(accepted["id"]!.GetValue<string>());
        int year = DateTime.UtcNow.Year;
        Assert.Equal($"{journal}/{year}/000001", status["journal"]!["first"]!.GetValue<string>());

        JsonNode entries = JsonNode.Parse(await Http.GetStringAsync($"/api/journals/{journal}/entries"))!;
        JsonArray items = entries["items"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 3).Select(n => $"{journal}/{year}/{n:D6}"), items.Select(e => e!["number"]!.GetValue<string>()));
        Assert.All(items, e => Assert.Equal("2026-11-30", e!["receivedDate"]!.GetValue<string>()));
        Assert.Equal(People[0]["name"], items[0]!["recipient"]!.GetValue<string>());
        byte[] docx = await Http.GetByteArrayAsync(items[2]!["documentUrl"]!.GetValue<string>());
        string text = LetterDocx.Text(docx);
        Assert.Contains($"Znak sprawy: {journal}/{year}/000003", text, StringComparison.Ordinal);
        Assert.Contains(People[2]["name"]!, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_batches_share_one_counter_and_one_journal_without_a_duplicate_or_a_gap()
    {
        string template = Unique("marked");
        await PutTemplateAsync(template, MarkedTemplate());
        string counter = Unique("c");
        string journal = Unique("J");
        const int batches = 6, perBatch = 7, start = 5000;
        var recipients = Enumerable.Range(1, perBatch).Select(i => new Dictionary<string, string?> { ["name"] = $"Adresat {i}", ["city"] = "Gdańsk" }).ToList();

        JsonNode[] accepted = await Task.WhenAll(Enumerable.Range(0, batches).Select(b => CreateAsync(app.Clerk, new
        {
            subject = $"Partia {b}",
            template,
            deliveryMethod = "registered",
            output = b % 2 == 0 ? "perRecipient" : "combined",
            recipients,
            registeredNumbers = new { counter, start },
            journal = new { name = journal, receivedDate = "2026-12-01" },
        })));
        var serials = new List<int>();
        foreach (JsonNode batch in accepted)
        {
            string id = batch["id"]!.GetValue<string>();
            await WaitAsync(id);
            foreach (JsonNode? letter in (await DocumentsAsync(id))["letters"]!.AsArray())
            {
                serials.Add(RegisteredNumber.Parse(letter!["registeredNumber"]!.GetValue<string>()).Serial);
            }
        }

        Assert.Equal(Enumerable.Range(start, batches * perBatch), serials.Order());

        var sequences = new List<long>();
        string? next = $"/api/journals/{journal}/entries?pageSize=10";
        while (next is not null)
        {
            JsonNode page = JsonNode.Parse(await Http.GetStringAsync(next))!;
            sequences.AddRange(page["items"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()));
            next = page["next"]?.GetValue<string>();
        }

        Assert.Equal(Enumerable.Range(1, batches * perBatch).Select(n => (long)n), sequences);
    }

    [Fact]
    public async Task Preview_returns_the_chosen_recipients_letter_and_reserves_nothing()
    {
        string template = Unique("marked");
        await PutTemplateAsync(template, MarkedTemplate());
        string counter = Unique("c");
        var request = new
        {
            subject = "Podgląd",
            template,
            deliveryMethod = "registered",
            recipients = People,
            registeredNumbers = new { counter, start = 700 },
            line = (int?)2,
        };

        for (int attempt = 0; attempt < 2; attempt++)
        {
            using HttpResponseMessage response = await Http.PostAsJsonAsync("/api/letter-batches/preview", request, MailMergeJson.Options);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
            byte[] docx = await response.Content.ReadAsByteArrayAsync();
            Assert.Empty(LetterDocx.Errors(docx));
            string text = LetterDocx.Text(docx);
            Assert.Contains("Kowalski & Syn", text, StringComparison.Ordinal);
            Assert.Contains(RegisteredNumber.Create("RR", 701, "PL").ToString(), text, StringComparison.Ordinal);
        }

        // The counter was not moved by the previews: the first batch on it still starts at 700.
        JsonNode accepted = await CreateAsync(Http, request with { line = (int?)null });
        JsonNode status = await WaitAsync(accepted["id"]!.GetValue<string>());
        Assert.Equal(RegisteredNumber.Create("RR", 700, "PL").ToString(), status["registeredNumbers"]!["first"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dispatch_list_gives_number_recipient_address_and_method_as_csv_and_as_a_valid_docx()
    {
        string template = Unique("marked");
        await PutTemplateAsync(template, MarkedTemplate());
        JsonNode accepted = await CreateAsync(Http, new
        {
            subject = "Wezwanie",
            template,
            deliveryMethod = "registered",
            recipients = People,
            registeredNumbers = new { counter = Unique("c"), start = 12345678 },
        });
        string id = accepted["id"]!.GetValue<string>();
        await WaitAsync(id);

        string csv = await Http.GetStringAsync($"/api/letter-batches/{id}/dispatch-list?format=csv");
        string[] lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,registered_number,recipient,address,delivery_method", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal($"1,{RegisteredNumber.Create("RR", 12345678, "PL")},Zażółć Gęślą Jaźń,\"ul. Długa 5/7, 00-950 Łódź\",list polecony", lines[1]);
        Assert.Contains("\"\"\"Kowalski & Syn\"\" <sp. j.>\"", lines[2], StringComparison.Ordinal);
        Assert.Contains("ul. Krótka 1, lok. 2, 31-001 Kraków", lines[2], StringComparison.Ordinal);

        byte[] docx = await Http.GetByteArrayAsync($"/api/letter-batches/{id}/dispatch-list?format=docx");
        Assert.Empty(LetterDocx.Errors(docx));
        using var stream = new MemoryStream(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var rows = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(RegisteredNumber.Create("RR", 12345680, "PL").ToString(), rows[3].InnerText, StringComparison.Ordinal);
        Assert.Contains("Anna 🙂 Nowak", rows[3].InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipient_list_upload_can_feed_a_batch_with_every_column_as_a_merge_field()
    {
        string template = Unique("mac");
        await PutTemplateAsync(template, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "templates", "docx", "test_macword2011.docx")));
        string list = Unique("list");
        string csv = "email;first_name;last_name;address_line;postal_code;city;state;country;date\r\n" +
                     "jan@example.test;Jan;Żółkiewski;ul. Polna 1;00-001;Warszawa;mazowieckie;Polska;2026-12-01\r\n";
        using (var content = new StringContent(csv, Encoding.UTF8, "text/csv"))
        using (HttpResponseMessage uploaded = await Http.PutAsync($"/api/recipient-lists/{list}", content))
        {
            Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        }

        JsonNode accepted = await CreateAsync(Http, new { subject = "Lista", template, deliveryMethod = "courier", recipientList = list });
        await WaitAsync(accepted["id"]!.GetValue<string>());
        JsonNode letter = (await DocumentsAsync(accepted["id"]!.GetValue<string>()))["letters"]![0]!;
        Assert.Equal("Generated", letter["state"]!.GetValue<string>());
        Assert.Empty(letter["missingFields"]!.AsArray());
        byte[] docx = await Http.GetByteArrayAsync(letter["url"]!.GetValue<string>());
        Assert.Empty(LetterDocx.Errors(docx));
        Assert.False(LetterDocx.HasFieldLeft(docx));
        Assert.Contains("Jan Żółkiewski", LetterDocx.Text(docx), StringComparison.Ordinal);
    }
}
