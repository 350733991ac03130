using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using MailMerge.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace MailMerge.Local;

/// <summary>
/// The embedded Durable Task sidecar: a gRPC TaskHub server on 127.0.0.1 backed by Azure Storage (the backend
/// Durable Functions uses) or memory. The worker and client of the local host talk to it over HTTP/2.
/// </summary>
public sealed class DurableSidecar : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly ILoggerFactory loggers;

    private DurableSidecar(WebApplication app, ILoggerFactory loggers, Uri address)
    {
        this.app = app;
        this.loggers = loggers;
        Address = address;
    }

    /// <summary>The sidecar's gRPC address.</summary>
    public Uri Address { get; }

    /// <summary>Creates the backend (task hub queues and tables) and starts serving.</summary>
    public static async Task<DurableSidecar> StartAsync(LocalHostOptions options, StorageOptions storage, IConfiguration logging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ILoggerFactory loggers = LoggerFactory.Create(builder => builder.AddConfiguration(logging).AddSimpleConsole(console => console.SingleLine = true));
        IOrchestrationService service = await CreateBackendAsync(options, storage, loggers);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, options.SidecarPort, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        WebApplication app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return new DurableSidecar(app, loggers, address);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
        loggers.Dispose();
    }

    private static async Task<IOrchestrationService> CreateBackendAsync(LocalHostOptions options, StorageOptions storage, ILoggerFactory loggers)
    {
        if (options.Backend == DurableBackend.InMemory)
        {
            return new InMemoryOrchestrationService(loggers);
        }

        StorageAccountClientProvider clients = storage.UsesIdentity
            ? new StorageAccountClientProvider(
                storage.ResolvedBlobServiceUri!,
                new Uri(storage.ResolvedBlobServiceUri!.AbsoluteUri.Replace(".blob.", ".queue.", StringComparison.Ordinal)),
                storage.ResolvedTableServiceUri!,
                StorageServiceCollectionExtensions.CreateCredential(storage))
            : new StorageAccountClientProvider(storage.ConnectionString!);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = clients,
            TaskHubName = options.TaskHub,
            LoggerFactory = loggers,
            // Local defaults favour quick pick-up over storage transactions; a restarted host resumes within seconds.
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(options.RecoverySeconds),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(options.RecoverySeconds),
            LeaseInterval = TimeSpan.FromSeconds(Math.Max(10, options.RecoverySeconds / 2)),
            LeaseRenewInterval = TimeSpan.FromSeconds(5),
            LeaseAcquireInterval = TimeSpan.FromSeconds(5),
            PartitionCount = 1,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        return service;
    }
}
