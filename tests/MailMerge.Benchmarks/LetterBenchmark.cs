using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MailMerge.Letters;
using MailMerge.Local;

namespace MailMerge.Benchmarks;

/// <summary>
/// <c>npm run bench -- letters</c>: time and peak memory of 1,000 letters from one sample Word template, combined
/// into one document and as separate documents, each in a fresh process so its peak is its own; beside naive
/// baselines in the same run (Open XML SDK, text replaced per letter, the combined one built in memory), and the
/// same two batches end to end through the local host on Azurite when storage is given.
/// </summary>
internal static class LetterBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Figures(string Scenario, double Seconds, long PeakBytes, long StartBytes, long AllocatedBytes, long OutputBytes);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["run", string runScenario, string countText, string runTemplate, string runOutput])
        {
            Figures figures = await RunScenarioAsync(runScenario, int.Parse(countText, Invariant), runTemplate, runOutput);
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return 0;
        }

        int count = args.Length > 1 && args[0] == "--letters" ? int.Parse(args[1], Invariant) : 1000;
        string templatePath = Path.Combine(RepoRoot(), "tests", "samples", "templates", "docx", "test_macword2011.docx");
        string folder = Directory.CreateTempSubdirectory("mailmerge-letters-bench-").FullName;
        Console.WriteLine($"Letters benchmark: {count:N0} letters from {Path.GetFileName(templatePath)} ({new FileInfo(templatePath).Length:N0} bytes, " +
            $"{DocxTemplate.Load(File.OpenRead(templatePath)).Fields.Count} merge fields); each scenario in its own process");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-34} {"time",9} {"letters/s",10} {"peak memory",12} {"(at start)",11} {"allocated",11} {"output",11}");
        var results = new Dictionary<string, Figures>();
        string[] scenarios = Environment.GetEnvironmentVariable("MAILMERGE_BENCH_STORAGE") is { Length: > 0 }
            ? ["engine-combined", "naive-combined", "engine-separate", "naive-separate", "api-combined", "api-separate"]
            : ["engine-combined", "naive-combined", "engine-separate", "naive-separate"];
        try
        {
            foreach (string scenario in scenarios)
            {
                string output = Directory.CreateDirectory(Path.Combine(folder, scenario)).FullName;
                Figures figures = await RunChildAsync(scenario, count, templatePath, output);
                results[scenario] = figures;
                Console.WriteLine($"{Describe(scenario),-34} {figures.Seconds,7:0.00} s {count / figures.Seconds,10:N0} {Mb(figures.PeakBytes),12} {Mb(figures.StartBytes),11} {Mb(figures.AllocatedBytes),11} {Mb(figures.OutputBytes),11}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine();
        Ratio(results, "engine-combined", "naive-combined");
        Ratio(results, "engine-separate", "naive-separate");
        return 0;
    }

    private static void Ratio(Dictionary<string, Figures> results, string engine, string naive)
    {
        Figures a = results[engine], b = results[naive];
        Console.WriteLine($"{Describe(engine)} vs {Describe(naive).Trim()}: {b.Seconds / a.Seconds:0.00}x the speed, " +
            $"{(double)a.PeakBytes / b.PeakBytes:0.00}x the peak memory ({Mb(a.PeakBytes - a.StartBytes)} vs {Mb(b.PeakBytes - b.StartBytes)} above start)");
    }

    private static string Describe(string scenario) => scenario switch
    {
        "engine-combined" => "MailMerge combined (1 document)",
        "naive-combined" => "naive combined (DOM in memory)",
        "engine-separate" => "MailMerge separate (1 per letter)",
        "naive-separate" => "naive separate (text replace)",
        "api-combined" => "API batch combined, Azurite",
        _ => "API batch separate, Azurite",
    };

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";

    private static async Task<Figures> RunChildAsync(string scenario, int count, string template, string output)
    {
        string self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LetterBenchmark).Assembly.Location);
        }

        foreach (string argument in new[] { "letters", "run", scenario, count.ToString(Invariant), template, output })
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start)!;
        Task<string> error = child.StandardError.ReadToEndAsync();
        string text = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"Scenario {scenario} failed: {await error}\n{text}");
        }

        return JsonSerializer.Deserialize<Figures>(text.Trim().Split('\n')[^1])!;
    }

    private static async Task<Figures> RunScenarioAsync(string scenario, int count, string templatePath, string output)
    {
        byte[] template = File.ReadAllBytes(templatePath);
        List<Dictionary<string, string?>> recipients = Recipients(count);
        DocxTemplate parsed = DocxTemplate.Load(new MemoryStream(template));
        GC.Collect();
        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        long startBytes = self.WorkingSet64;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        switch (scenario)
        {
            case "engine-combined":
                await using (FileStream file = File.Create(Path.Combine(output, "letters.docx")))
                {
                    new CombinedDocumentWriter(parsed).Write(recipients, file);
                }

                break;
            case "engine-separate":
                for (int i = 0; i < recipients.Count; i++)
                {
                    await using FileStream file = File.Create(Path.Combine(output, $"letter-{i + 1:D5}.docx"));
                    parsed.Merge(recipients[i], file);
                }

                break;
            case "naive-separate":
                for (int i = 0; i < recipients.Count; i++)
                {
                    NaiveSeparate(template, recipients[i], Path.Combine(output, $"letter-{i + 1:D5}.docx"));
                }

                break;
            case "naive-combined":
                NaiveCombined(template, recipients, Path.Combine(output, "letters.docx"));
                break;
            default:
                await ApiBatchAsync(scenario == "api-combined", template, recipients, output);
                break;
        }

        clock.Stop();
        self.Refresh();
        long outputBytes = Directory.EnumerateFiles(output).Sum(f => new FileInfo(f).Length);
        return new Figures(scenario, clock.Elapsed.TotalSeconds, self.PeakWorkingSet64, startBytes, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, outputBytes);
    }

    /// <summary>The baseline most code starts with: open a copy of the template, replace the «field» texts, save.</summary>
    private static void NaiveSeparate(byte[] template, Dictionary<string, string?> values, string path)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (WordprocessingDocument document = WordprocessingDocument.Open(stream, true))
        {
            Replace(document.MainDocumentPart!.Document!.Body!, values);
            document.MainDocumentPart.Document.Save();
        }

        File.WriteAllBytes(path, stream.ToArray());
    }

    /// <summary>The naive combined document: every letter's copy of the body appended to one DOM, saved at the end.</summary>
    private static void NaiveCombined(byte[] template, List<Dictionary<string, string?>> recipients, string path)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (WordprocessingDocument document = WordprocessingDocument.Open(stream, true))
        {
            Body body = document.MainDocumentPart!.Document!.Body!;
            SectionProperties? section = body.GetFirstChild<SectionProperties>();
            section?.Remove();
            List<OpenXmlElement> letter = body.ChildElements.Select(e => e.CloneNode(true)).ToList();
            body.RemoveAllChildren();
            for (int i = 0; i < recipients.Count; i++)
            {
                foreach (OpenXmlElement element in letter)
                {
                    OpenXmlElement copy = element.CloneNode(true);
                    Replace(copy, recipients[i]);
                    body.Append(copy);
                }

                if (i < recipients.Count - 1)
                {
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                }
            }

            if (section is not null)
            {
                body.Append(section);
            }

            document.MainDocumentPart.Document.Save();
        }

        File.WriteAllBytes(path, stream.ToArray());
    }

    private static void Replace(OpenXmlElement root, Dictionary<string, string?> values)
    {
        foreach (Text text in root.Descendants<Text>())
        {
            foreach ((string name, string? value) in values)
            {
                if (text.Text.Contains('«', StringComparison.Ordinal))
                {
                    text.Text = text.Text.Replace($"«{name}»", value, StringComparison.Ordinal);
                }
            }
        }
    }

    private static async Task ApiBatchAsync(bool combined, byte[] template, List<Dictionary<string, string?>> recipients, string output)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MailMerge:ApiKey"] = "benchmark-key-0123456789",
            ["MailMerge:Local:Urls"] = "http://127.0.0.1:0",
            ["MailMerge:Storage:ConnectionString"] = Environment.GetEnvironmentVariable("MAILMERGE_BENCH_STORAGE"),
            ["MailMerge:TaskHub"] = "letters" + DateTime.UtcNow.ToString("HHmmssfff", Invariant),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using LocalHost host = await LocalHost.StartAsync([], settings);
        using HttpClient api = host.CreateClient();
        using (var content = new ByteArrayContent(template))
        {
            (await api.PutAsync("/api/letter-templates/bench", content)).EnsureSuccessStatusCode();
        }

        using HttpResponseMessage accepted = await api.PostAsJsonAsync("/api/letter-batches", new
        {
            subject = "Benchmark",
            template = "bench",
            deliveryMethod = "registered",
            output = combined ? "combined" : "perRecipient",
            recipients,
            registeredNumbers = new { counter = "bench" + Guid.NewGuid().ToString("N")[..8], start = 1 },
        });
        string body = await accepted.Content.ReadAsStringAsync();
        if (!accepted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(body);
        }

        string id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        while (JsonNode.Parse(await api.GetStringAsync($"/api/letter-batches/{id}"))!["state"]!.GetValue<string>() is var state && state == "Generating")
        {
            await Task.Delay(100);
        }

        // One document downloaded, to count its size beside the local scenarios.
        JsonNode documents = JsonNode.Parse(await api.GetStringAsync($"/api/letter-batches/{id}/documents"))!;
        string url = combined ? documents["combinedDocument"]!["url"]!.GetValue<string>() : documents["letters"]![0]!["url"]!.GetValue<string>();
        await File.WriteAllBytesAsync(Path.Combine(output, "sample.docx"), await api.GetByteArrayAsync(url));
    }

    private static List<Dictionary<string, string?>> Recipients(int count)
    {
        string[] cities = ["Łódź", "Kraków", "Gdańsk", "Wrocław", "Poznań"];
        return Enumerable.Range(1, count).Select(i => new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["first_name"] = $"Zofia{i}",
            ["last_name"] = $"Łukasiewicz-{i}",
            ["address_line"] = $"ul. Długa {i}/{i % 17 + 1}",
            ["postal_code"] = $"{i % 90 + 10:D2}-{i % 1000:D3}",
            ["city"] = cities[i % cities.Length],
            ["state"] = "mazowieckie",
            ["country"] = "Polska",
            ["date"] = "2026-12-03",
        }).ToList();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailMerge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MailMerge.sln not found above " + AppContext.BaseDirectory);
    }
}
