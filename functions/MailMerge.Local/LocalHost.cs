using MailMerge.Api;
using MailMerge.Json;
using MailMerge.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace MailMerge.Local;

/// <summary>
/// The local host: the HTTP API on Kestrel and the orchestrators and activities on the Durable Task SDK,
/// over an embedded sidecar (Azurite-backed by default). Usable in-process by tests and by the demo.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DurableSidecar sidecar;
    private bool stopped;

    private LocalHost(WebApplication app, DurableSidecar sidecar, Uri baseAddress, string apiKey)
    {
        this.app = app;
        this.sidecar = sidecar;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    /// <summary>Where the API listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key callers must send.</summary>
    public string ApiKey { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>An HTTP client for the API with the key set.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return client;
    }

    /// <summary>Builds and starts the host. <paramref name="settings"/> override every other configuration source.</summary>
    public static async Task<LocalHost> StartAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var options = builder.Configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        options.TaskHub = builder.Configuration["MailMerge:TaskHub"] ?? options.TaskHub;
        Validate(options, LocalHostOptions.Section);
        ApiKeyRing keys = ApiKeyRing.Load(builder.Configuration);
        string apiKey = builder.Configuration["MailMerge:ApiKey"]!;

        StorageOptions storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        Validate(storage, StorageOptions.Section);
        await StorageProbe.EnsureReachableAsync(storage, cancellationToken);
        DurableSidecar sidecar = await DurableSidecar.StartAsync(options, storage, builder.Configuration.GetSection("Logging"), cancellationToken);
        try
        {
            builder.WebHost.UseUrls(options.Urls);
            // The handlers enforce their own, smaller limits with a 413 problem; Kestrel's 30 MB default would answer first.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 100 * 1024 * 1024);
            builder.Services.AddMailMerge();
            builder.Services.ConfigureHttpJsonOptions(json => MailMergeJson.Apply(json.SerializerOptions));
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<StorageFaultHandler>();
            var channel = Grpc.Net.Client.GrpcChannel.ForAddress(sidecar.Address);
            builder.Services.AddDurableTaskWorker(worker =>
            {
                worker.AddTasks(MailMergeTasks.Register);
                worker.UseGrpc(channel);
            });
            builder.Services.AddDurableTaskClient(client => client.UseGrpc(channel));

            WebApplication app = builder.Build();
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.UseRouting();
            app.UseMiddleware<ApiKeyMiddleware>(keys);
            LocalRoutes.Map(app);
            await app.StartAsync(cancellationToken);
            var address = new Uri(app.Urls.First());
            return new LocalHost(app, sidecar, address, apiKey);
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the worker first, then the sidecar, as the SDK expects.</summary>
    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await app.StopAsync(timeout.Token);
        await sidecar.DisposeAsync();
    }

    /// <summary>Waits until the host is told to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }

    private static void Validate(object options, string section)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, options.GetType(),
                results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
