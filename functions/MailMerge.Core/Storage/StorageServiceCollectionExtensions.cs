using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailMerge.Storage;

/// <summary>Registers the storage clients: one path for Azurite (connection string) and Azure (identity).</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds validated <see cref="StorageOptions"/>, the Blob and Table service clients and start-up creation of containers and tables.</summary>
    public static IServiceCollection AddMailMergeStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAzureClients(clients =>
        {
            clients.AddClient<BlobServiceClient, BlobClientOptions>((_, provider) => CreateBlobClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
            clients.AddClient<TableServiceClient, TableClientOptions>((_, provider) => CreateTableClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        });
        services.AddSingleton<StorageBootstrap>();
        return services;
    }

    /// <summary>Creates the Blob client the options describe.</summary>
    public static BlobServiceClient CreateBlobClient(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesIdentity
            ? new BlobServiceClient(options.ResolvedBlobServiceUri, CreateCredential(options))
            : new BlobServiceClient(options.ConnectionString);
    }

    /// <summary>Creates the Table client the options describe.</summary>
    public static TableServiceClient CreateTableClient(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesIdentity
            ? new TableServiceClient(options.ResolvedTableServiceUri, CreateCredential(options))
            : new TableServiceClient(options.ConnectionString);
    }

    /// <summary>The credential for the identity path: the named managed identity, else the default chain.</summary>
    public static TokenCredential CreateCredential(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
    }
}
