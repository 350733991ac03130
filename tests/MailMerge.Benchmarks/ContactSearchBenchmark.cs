using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using MailMerge.Contacts;
using MailMerge.Local;

namespace MailMerge.Benchmarks;

/// <summary>
/// <c>npm run bench -- contacts</c>: imports 100,000 generated contacts into the contact store on Azurite through the
/// API, then times search pages (first page and the next one) for typical queries, beside a naive search in the
/// same run that reads the whole Contacts table and matches the folded text in memory (what a store without
/// designed index keys has to do, since Tables have no full-text search).
/// </summary>
internal static class ContactSearchBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] FirstNames =
    [
        "Anna", "Jan", "Katarzyna", "Piotr", "Małgorzata", "Krzysztof", "Agnieszka", "Andrzej", "Ewa", "Tomasz",
        "Józef", "Zofia", "Paweł", "Łucja", "Michał", "Barbara", "Grzegorz", "Jolanta", "Łukasz", "Żaneta",
        "Marek", "Dorota", "Stanisław", "Beata", "Wojciech", "Renata", "Jerzy", "Urszula", "Rafał", "Halina",
    ];

    private static readonly string[] LastNames =
    [
        "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
        "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski",
        "Nowakowski", "Pawłowski", "Michalski", "Nowicki", "Adamczyk", "Dudek", "Zając", "Wieczorek", "Jabłoński", "Król",
        "Majewski", "Olszewski", "Jaworski", "Wróbel", "Malinowski", "Pawlak", "Witkowski", "Walczak", "Stępień", "Górski",
        "Rutkowski", "Michalak", "Sikora", "Ostrowski", "Baran", "Duda", "Szewczyk", "Tomaszewski", "Pietrzak", "Marciniak",
        "Wróblewski", "Zalewski", "Jakubowski", "Jasiński", "Zawadzki", "Sadowski", "Bąk", "Chmielewski", "Włodarczyk",
        "Borkowski", "Czarnecki", "Sawicki", "Sokołowski", "Urbański", "Kubiak", "Maciejewski", "Szczepański", "Kucharski",
        "Wilk", "Kalinowski", "Lis", "Mazurek", "Wysocki", "Adamski", "Kaźmierczak", "Wasilewski", "Sobczak", "Czerwiński",
        "Andrzejewski", "Cieślak", "Głowacki", "Zakrzewski", "Kołodziej", "Sikorski", "Krajewski", "Gajewski", "Szymczak",
        "Szulc", "Baranowski", "Laskowski", "Brzeziński", "Makowski", "Ziółkowski", "Przybylski", "Żółkiewski", "Łęcki",
    ];

    private static readonly string[] Cities =
    [
        "Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Szczecin", "Bydgoszcz", "Lublin", "Białystok",
        "Katowice", "Gdynia", "Częstochowa", "Radom", "Toruń", "Sosnowiec", "Kielce", "Rzeszów", "Gliwice", "Zabrze",
        "Olsztyn", "Bielsko-Biała", "Bytom", "Zielona Góra", "Rybnik", "Ruda Śląska", "Opole", "Tychy", "Gorzów Wielkopolski",
        "Elbląg", "Płock", "Wałbrzych", "Włocławek", "Tarnów", "Chorzów", "Koszalin", "Kalisz", "Legnica", "Grudziądz", "Słupsk",
    ];

    private static readonly string[] CompanyWords =
    [
        "Mikro", "Tech", "Bud", "Pol", "Trans", "Med", "Agro", "Info", "Eko", "Stal", "Drew", "Chem", "Elektro", "Energo",
        "Hydro", "Market", "Serwis", "Projekt", "Logistyka", "Handel", "Finanse", "Doradztwo", "Żegluga", "Łączność", "Śruby",
    ];

    private static readonly string[] CompanyForms = ["Sp. z o.o.", "S.A.", "Sp. j.", "Sp. k.", "s.c."];

    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        int count = Arg(args, "--contacts", 100_000);
        int repeats = Arg(args, "--repeats", 20);
        string? storage = Environment.GetEnvironmentVariable("MAILMERGE_BENCH_STORAGE");
        if (string.IsNullOrEmpty(storage))
        {
            Console.Error.WriteLine("MAILMERGE_BENCH_STORAGE is not set; run it as `npm run bench -- contacts`.");
            return 2;
        }

        int companies = count / 5;
        int persons = count - companies;
        Console.WriteLine($"Contact search benchmark: {count:N0} contacts ({companies:N0} companies, {persons:N0} persons) on Azurite");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine();

        var settings = new Dictionary<string, string?>
        {
            ["MailMerge:ApiKey"] = "benchmark-key-0123456789",
            ["MailMerge:Local:Urls"] = "http://127.0.0.1:0",
            ["MailMerge:Storage:ConnectionString"] = storage,
            ["MailMerge:TaskHub"] = "contacts" + DateTime.UtcNow.ToString("HHmmssfff", Invariant),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using LocalHost host = await LocalHost.StartAsync([], settings);
        using HttpClient api = host.CreateClient();
        api.Timeout = TimeSpan.FromMinutes(30);

        // 1. Import through the API, in files of 10,000 items as a CRM export would be split.
        var random = new Random(20261204);
        var stopwatch = Stopwatch.StartNew();
        int imported = 0;
        const int File = 10_000;
        for (int company = 0; company < companies; company += File / 5)
        {
            int companiesHere = Math.Min(File / 5, companies - company);
            string json = BuildExport(random, company, companiesHere, persons * companiesHere / companies);
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await api.PostAsync("/api/contacts/import", content);
            string body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"Import failed: {(int)response.StatusCode} {body}");
                return 1;
            }

            JsonNode result = JsonNode.Parse(body)!;
            Console.WriteLine($"  imported {company + companiesHere:N0} companies and their persons, {stopwatch.Elapsed.TotalSeconds:0.0} s so far");
            imported += (result["companies"]?.GetValue<int>() ?? 0) + (result["persons"]?.GetValue<int>() ?? 0);
            int rejected = result["rejected"]?.AsArray().Count ?? 0;
            if (rejected > 0)
            {
                Console.Error.WriteLine($"Import rejected {rejected} generated contacts: {result["rejected"]![0]}");
                return 1;
            }
        }

        stopwatch.Stop();
        Console.WriteLine($"Import through POST /api/contacts/import: {imported:N0} contacts in {stopwatch.Elapsed.TotalSeconds:0.0} s = {imported / stopwatch.Elapsed.TotalSeconds:N0} contacts/s");
        Console.WriteLine();

        // 2. Search pages through the API (HTTP included), each query warmed once and then timed.
        (string Label, string Query)[] queries =
        [
            ("name, common surname prefix", "q=kowal"),
            ("name, folded (zolk → Żółkiewski)", "q=zolk"),
            ("name, two words", "q=anna+nowak"),
            ("name, companies only", "q=mikro&kind=company"),
            ("city, folded (lodz → Łódź)", "q=lodz&by=city"),
            ("city, two words", "q=zielona+gora&by=city"),
            ("e-mail prefix", "q=jan.kowalski&by=email"),
            ("no match", "q=qqqxyz"),
        ];
        Console.WriteLine($"{"query (page of 20)",-36} {"hits",5} {"first page p50",15} {"p95",8} {"max",8} {"next page p50",14}");
        var firstPages = new List<double>();
        foreach ((string label, string query) in queries)
        {
            string path = "/api/contacts/search?" + query + "&pageSize=20";
            (int hits, string? continuation) = await SearchAsync(api, path);
            var first = new List<double>();
            var next = new List<double>();
            for (int i = 0; i < repeats; i++)
            {
                long started = Stopwatch.GetTimestamp();
                (hits, continuation) = await SearchAsync(api, path);
                first.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (continuation is not null)
                {
                    started = Stopwatch.GetTimestamp();
                    await SearchAsync(api, path + "&continuation=" + Uri.EscapeDataString(continuation));
                    next.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            firstPages.AddRange(first);
            string nextText = next.Count > 0 ? $"{Percentile(next, 50),11:0.0} ms" : $"{"-",14}";
            Console.WriteLine($"{label,-36} {hits,5} {Percentile(first, 50),12:0.0} ms {Percentile(first, 95),5:0.0} ms {first.Max(),5:0.0} ms {nextText}");
        }

        double p95 = Percentile(firstPages, 95);
        Console.WriteLine();
        Console.WriteLine($"All first pages: p50 {Percentile(firstPages, 50):0.0} ms, p95 {p95:0.0} ms, max {firstPages.Max():0.0} ms over {firstPages.Count} searches " +
            $"(target: under 200 ms) — {(p95 < 200 ? "met" : "NOT met")}");

        // 3. The naive baseline: read every contact and match in memory.
        var service = new TableServiceClient(storage);
        TableClient contacts = service.GetTableClient("Contacts");
        Console.WriteLine();
        foreach ((string label, string term, ContactSearchField by) in new[] { ("name, common surname prefix", "kowal", ContactSearchField.Name), ("city, folded (lodz → Łódź)", "lodz", ContactSearchField.City) })
        {
            long started = Stopwatch.GetTimestamp();
            int scanned = 0, matched = 0;
            await foreach (TableEntity row in contacts.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Document"]))
            {
                scanned++;
                string document = row.GetString("Document") ?? string.Empty;
                bool match = row.RowKey.StartsWith("company|", StringComparison.Ordinal)
                    ? ContactIndexEntries.Tokens(JsonSerializer.Deserialize<Company>(document, Json.MailMergeJson.Options)!).Any(t => t.Field == by && t.Token.StartsWith(term, StringComparison.Ordinal))
                    : ContactIndexEntries.Tokens(JsonSerializer.Deserialize<Person>(document, Json.MailMergeJson.Options)!).Any(t => t.Field == by && t.Token.StartsWith(term, StringComparison.Ordinal));
                matched += match ? 1 : 0;
            }

            double naive = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            double indexed = Percentile(firstPages, 50);
            Console.WriteLine($"Naive scan, {label}: {scanned:N0} contacts read, {matched:N0} matches in {naive:N0} ms = {naive / indexed:N0}x the indexed first page's p50");
        }

        return 0;
    }

    private static async Task<(int Hits, string? Continuation)> SearchAsync(HttpClient api, string path)
    {
        using HttpResponseMessage response = await api.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        }

        JsonNode page = JsonNode.Parse(body)!;
        return (page["items"]?.AsArray().Count ?? 0, page["continuation"]?.GetValue<string>());
    }

    private static double Percentile(List<double> values, int percent)
    {
        List<double> sorted = [.. values.Order()];
        int index = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    /// <summary>A CRM export (the format of tests/samples/contacts/companies.json) with generated companies and persons.</summary>
    private static string BuildExport(Random random, int firstCompany, int companies, int persons)
    {
        var companyRows = new JsonArray();
        var personRows = new JsonArray();
        for (int c = 0; c < companies; c++)
        {
            string id = "G" + (firstCompany + c + 1).ToString("D6", Invariant);
            string name = $"{Pick(random, CompanyWords)}{Pick(random, CompanyWords).ToLowerInvariant()} {Pick(random, LastNames)} {Pick(random, CompanyForms)}";
            string domain = "firma" + id.ToLowerInvariant() + ".test";
            companyRows.Add(new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["general_emails"] = new JsonArray("biuro@" + domain),
                ["street"] = $"ul. {Pick(random, LastNames)}a {random.Next(1, 200)}",
                ["postal_code"] = $"{random.Next(10, 99)}-{random.Next(100, 999)}",
                ["city"] = Pick(random, Cities),
                ["country"] = "Polska",
                ["account_manager"] = new JsonObject { ["name"] = "Joanna Sikora", ["email"] = "j.sikora@crm-biuro.test" },
                ["fields"] = new JsonObject { ["client_number"] = "K/2026/" + id },
            });
        }

        for (int p = 0; p < persons; p++)
        {
            int company = p % companies;
            string companyId = "G" + (firstCompany + company + 1).ToString("D6", Invariant);
            string first = Pick(random, FirstNames);
            string last = Pick(random, LastNames);
            string mailbox = ContactText.Fold(first) + "." + ContactText.Fold(last) + "." + (firstCompany * 4 + p).ToString(Invariant);
            personRows.Add(new JsonObject
            {
                ["id"] = $"{companyId}-P{(p / companies) + 1}",
                ["company_id"] = companyId,
                ["first_name"] = first,
                ["last_name"] = last,
                ["title"] = "Pan",
                ["emails"] = new JsonArray(mailbox + "@firma" + companyId.ToLowerInvariant() + ".test"),
                ["is_default"] = p < companies,
                ["street"] = $"ul. {Pick(random, LastNames)}a {random.Next(1, 200)}",
                ["postal_code"] = $"{random.Next(10, 99)}-{random.Next(100, 999)}",
                ["city"] = Pick(random, Cities),
                ["country"] = "Polska",
            });
        }

        return new JsonObject { ["companies"] = companyRows, ["contact_persons"] = personRows }.ToJsonString();
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static int Arg(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], Invariant) : fallback;
    }
}
