using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace MailMerge.Storage;

/// <summary>Creates MailMerge's tables and containers once per process, before the first use.</summary>
public sealed class StorageBootstrap(BlobServiceClient blobs, TableServiceClient tables) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool done;

    /// <summary>Ensures every table and container exists.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (done)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (done)
            {
                return;
            }

            foreach (string table in StorageNames.Tables)
            {
                await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
            }

            foreach (string container in StorageNames.Containers)
            {
                await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            done = true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();
}
