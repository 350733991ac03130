using Azure;
using Azure.Data.Tables;
using MailMerge.Storage;

namespace MailMerge.Local;

/// <summary>Checks at start that storage answers, so a missing Azurite is one clear sentence, not a stack of retries.</summary>
public static class StorageProbe
{
    /// <summary>Throws <see cref="StorageUnreachableException"/> when the table service does not answer within a few seconds.</summary>
    public static async Task EnsureReachableAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        TableServiceClient tables = storage.UsesIdentity
            ? new TableServiceClient(storage.ResolvedTableServiceUri, StorageServiceCollectionExtensions.CreateCredential(storage), options)
            : new TableServiceClient(storage.ConnectionString, options);
        try
        {
            await foreach (Page<Azure.Data.Tables.Models.TableItem> _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
            {
                break;
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
        {
            throw new StorageUnreachableException(
                $"Storage at {tables.Uri} does not answer ({Describe(ex)}). Locally that is Azurite: `npm run serve` " +
                "starts it with the host, or run `npx azurite --silent --skipApiVersionCheck --location .azurite` yourself.", ex);
        }
    }

    private static string Describe(Exception ex) => ex is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[^1].Message : ex.Message;
}

/// <summary>Storage could not be reached at start.</summary>
public sealed class StorageUnreachableException(string message, Exception inner) : Exception(message, inner);
