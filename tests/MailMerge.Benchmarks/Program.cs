using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailMerge.Local;
using MailMerge.Sending;
using MailMerge.Templates;
using MimeKit;

if (args is ["letters", ..])
{
    // `npm run bench -- letters`: Word letters instead of e-mail (see LetterBenchmark).
    return await MailMerge.Benchmarks.LetterBenchmark.RunAsync(args[1..]);
}

if (args is ["contacts", ..])
{
    // `npm run bench -- contacts`: contact search over 100,000 contacts (see ContactSearchBenchmark).
    return await MailMerge.Benchmarks.ContactSearchBenchmark.RunAsync(args[1..]);
}

// End-to-end throughput of a campaign against postfix's smtp-sink, beside two baselines measured in the same
// run against the same sink: smtp-source (reused connections) and a naive MailKit loop connecting per message.
int recipients = Arg("--recipients", 10_000);
int sessions = Arg("--sessions", 4);
int packetSize = Arg("--packet-size", 500);
int naiveCount = Arg("--naive", 300);
string sinkHost = "127.0.0.1";
int sinkPort = Arg("--sink-port", 2526);
var culture = CultureInfo.InvariantCulture;

string template = BuildTemplate();
var sender = new SenderAccount { Host = sinkHost, Port = sinkPort, Tls = SmtpSecurity.None, FromAddress = "bench@mailmerge.test", FromName = "Benchmark" };
MimeMessage sample = SampleMessage(template, sender);
int messageBytes = Size(sample);
Console.WriteLine($"MailMerge benchmark: {recipients:N0} recipients, ~{messageBytes:N0} bytes per message, {sessions} sessions, sink {sinkHost}:{sinkPort}");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine();

// 1. MailMerge end to end.
var settings = new Dictionary<string, string?>
{
    ["MailMerge:ApiKey"] = "benchmark-key-0123456789",
    ["MailMerge:Local:Urls"] = "http://127.0.0.1:0",
    ["MailMerge:Storage:ConnectionString"] = Environment.GetEnvironmentVariable("MAILMERGE_BENCH_STORAGE") is { Length: > 0 } storage ? storage : null,
    ["MailMerge:TaskHub"] = "bench" + DateTime.UtcNow.ToString("HHmmssfff", culture),
    ["MailMerge:Sending:MaxParallelPackets"] = sessions.ToString(culture),
    ["MailMerge:Senders:sink:Host"] = sinkHost,
    ["MailMerge:Senders:sink:Port"] = sinkPort.ToString(culture),
    ["MailMerge:Senders:sink:Tls"] = "None",
    ["MailMerge:Senders:sink:FromAddress"] = sender.FromAddress,
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:MailMerge"] = Environment.GetEnvironmentVariable("MAILMERGE_BENCH_LOG") ?? "Warning",
};
double mailMergeRate;
int warmup = Arg("--warmup", 2_000);
await using (LocalHost host = await LocalHost.StartAsync([], settings))
{
    using HttpClient api = host.CreateClient();
    await Put(api, "/api/templates/bench", template);
    if (warmup > 0)
    {
        // A first, smaller campaign lets the JIT compile the hot paths, as on any host that has been running.
        await Put(api, "/api/recipient-lists/warmup", BuildCsv(warmup, "warm"));
        (double warmRate, _, _, _) = await RunCampaignAsync(api, "warmup", warmup);
        Console.WriteLine($"Warm-up campaign        {warmup,7:N0} messages              = {warmRate,8:N0} msg/s  (first campaign of a cold host)");
    }

    await Put(api, "/api/recipient-lists/bench", BuildCsv(recipients, "klient"));
    (mailMergeRate, TimeSpan total, TimeSpan accepted, double sendingRate, TimeSpan cpu, TimeSpan? azuriteCpu) = await RunMeasuredAsync(api);
    Console.WriteLine($"MailMerge end to end      {recipients,7:N0} messages in {total.TotalSeconds,6:0.00} s = {mailMergeRate,8:N0} msg/s  " +
        $"(POST answered in {accepted.TotalSeconds:0.00} s; sending {sendingRate:N0} msg/s)");
    Console.WriteLine($"  MailMerge process CPU from POST to Completed: {cpu.TotalSeconds:0.0} s = {cpu.TotalMilliseconds / recipients:0.00} ms per message");
    if (azuriteCpu is { } storageCpu)
    {
        Console.WriteLine($"  Azurite process CPU in the same time:         {storageCpu.TotalSeconds:0.0} s = {storageCpu.TotalMilliseconds / recipients:0.00} ms per message");
    }
}

async Task<(double Rate, TimeSpan Total, TimeSpan Accepted, double SendingRate, TimeSpan Cpu, TimeSpan? AzuriteCpu)> RunMeasuredAsync(HttpClient api)
{
    TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    TimeSpan? azuriteBefore = AzuriteCpu();
    (double rate, TimeSpan total, TimeSpan accepted, double sendingRate) = await RunCampaignAsync(api, "bench", recipients);
    TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    TimeSpan? azurite = azuriteBefore is { } before && AzuriteCpu() is { } after ? after - before : null;
    return (rate, total, accepted, sendingRate, cpu, azurite);
}

async Task<(double Rate, TimeSpan Total, TimeSpan Accepted, double SendingRate)> RunCampaignAsync(HttpClient api, string list, int expected)
{
    var clock = Stopwatch.StartNew();
    using HttpResponseMessage created = await api.PostAsJsonAsync("/api/campaigns", new
    {
        name = list, subject = "Zmiana rachunku – {{ company_name }}", bodyTemplate = "bench", sender = "sink",
        recipientList = list, packetSize, intervalSeconds = 0, errorLimit = 0,
    });
    string body = await created.Content.ReadAsStringAsync();
    if (!created.IsSuccessStatusCode)
    {
        throw new InvalidOperationException(body);
    }

    TimeSpan accepted = clock.Elapsed;
    string id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
    JsonNode status;
    do
    {
        await Task.Delay(100);
        status = JsonNode.Parse(await api.GetStringAsync($"/api/campaigns/{id}"))!;
    }
    while (status["state"]!.GetValue<string>() is "Scheduled" or "Sending");

    TimeSpan total = clock.Elapsed;
    int sent = status["counts"]!["sent"]!.GetValue<int>();
    if (status["state"]!.GetValue<string>() != "Completed" || sent != expected)
    {
        throw new InvalidOperationException($"The campaign ended {status["state"]} with {sent} sent: {status.ToJsonString()}");
    }

    DateTimeOffset started = status["startedAt"]!.GetValue<DateTimeOffset>();
    DateTimeOffset completed = status["completedAt"]!.GetValue<DateTimeOffset>();
    return (sent / total.TotalSeconds, total, accepted, sent / (completed - started).TotalSeconds);
}

// 2. smtp-source, reusing connections (-d), same size and sessions.
var source = Stopwatch.StartNew();
using (var process = Process.Start(new ProcessStartInfo("smtp-source")
{
    ArgumentList = { "-d", "-s", sessions.ToString(culture), "-m", recipients.ToString(culture), "-l", messageBytes.ToString(culture), "-f", "bench@mailmerge.test", "-t", "sink@mailmerge.test", $"{sinkHost}:{sinkPort}" },
    RedirectStandardOutput = true,
})!)
{
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException("smtp-source failed with exit code " + process.ExitCode);
    }
}

double sourceRate = recipients / source.Elapsed.TotalSeconds;
Console.WriteLine($"smtp-source -d -s {sessions}       {recipients,7:N0} messages in {source.Elapsed.TotalSeconds,6:0.00} s = {sourceRate,8:N0} msg/s");

// 3. Naive MailKit: a new connection per message with MailKit's default socket.
var naive = Stopwatch.StartNew();
for (int i = 0; i < naiveCount; i++)
{
    using var client = new SmtpClient();
    await client.ConnectAsync(sinkHost, sinkPort, SecureSocketOptions.None);
    await client.SendAsync(sample);
    await client.DisconnectAsync(true);
}

double naiveRate = naiveCount / naive.Elapsed.TotalSeconds;
Console.WriteLine($"naive MailKit (connect/msg) {naiveCount,7:N0} messages in {naive.Elapsed.TotalSeconds,6:0.00} s = {naiveRate,8:N0} msg/s");
Console.WriteLine();
Console.WriteLine($"MailMerge / smtp-source   = {mailMergeRate / sourceRate:0.00}");
Console.WriteLine($"MailMerge / naive MailKit = {mailMergeRate / naiveRate:0.00}");
Console.WriteLine($"Target 1,000 msg/s end to end: {(mailMergeRate >= 1000 ? "met" : "NOT met")}");
return 0;

// CPU time of the Azurite process .ci/bench started (user + system, from /proc), or null when unknown.
static TimeSpan? AzuriteCpu()
{
    if (!int.TryParse(Environment.GetEnvironmentVariable("MAILMERGE_BENCH_AZURITE_PID"), out int pid) || !File.Exists($"/proc/{pid}/stat"))
    {
        return null;
    }

    string stat = File.ReadAllText($"/proc/{pid}/stat");
    string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    return TimeSpan.FromSeconds(ticks / 100.0);
}

int Arg(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task Put(HttpClient api, string path, string content)
{
    using HttpResponseMessage response = await api.PutAsync(path, new StringContent(content, Encoding.UTF8));
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"PUT {path}: {await response.Content.ReadAsStringAsync()}");
    }
}

static string BuildTemplate()
{
    var html = new StringBuilder("<!doctype html><html><head><title>{{ subject }}</title></head><body>");
    html.Append("<p>Dzień dobry {{ contact_name | default: \"Szanowni Państwo\" }},</p>");
    html.Append("<p>informujemy, że od 1 stycznia składki firmy {{ company_name }} należy wpłacać na nowy rachunek: <strong>{{ bank_account }}</strong>.</p>");
    for (int i = 0; i < 8; i++)
    {
        html.Append("<p>Prosimy o aktualizację danych w systemach księgowych. Poprzedni rachunek pozostanie aktywny do końca kwartału, ");
        html.Append("a wpłaty na niego zostaną przeksięgowane bez dodatkowych opłat.</p>");
    }

    html.Append("<p><a href=\"{{ details_url }}\">Szczegóły zmiany</a> · Numer klienta: {{ client_number }}</p></body></html>");
    return html.ToString();
}

static string BuildCsv(int count, string prefix)
{
    var csv = new StringBuilder("email;company_name;contact_name;bank_account;details_url;client_number\r\n");
    for (int i = 1; i <= count; i++)
    {
        csv.Append(CultureInfo.InvariantCulture, $"{prefix}{i:00000}@firma{i % 97}.test;Firma {i} Sp. z o.o.;Jan Kowalski {i};PL61 1090 1014 0000 0712 {i:0000 0000};https://crm.test/zmiana?k={i};K/2026/{i:00000}\r\n");
    }

    return csv.ToString();
}

static MimeMessage SampleMessage(string template, SenderAccount sender)
{
    MessageTemplate parsed = MessageTemplate.TryCreate("Zmiana rachunku – {{ company_name }}", template, out _)!;
    var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["company_name"] = "Firma 1 Sp. z o.o.", ["contact_name"] = "Jan Kowalski 1", ["bank_account"] = "PL61 1090 1014 0000 0712 0000 0001",
        ["details_url"] = "https://crm.test/zmiana?k=1", ["client_number"] = "K/2026/00001",
    };
    return MessageFactory.Create(sender, "klient00001@firma1.test", null, parsed.Render(fields), "bench.1@mailmerge.test", DateTimeOffset.UtcNow);
}

static int Size(MimeMessage message)
{
    using var stream = new MemoryStream();
    message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
    return (int)stream.Length;
}
