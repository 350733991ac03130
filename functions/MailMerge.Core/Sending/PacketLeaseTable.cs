using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MailMerge.Storage;

namespace MailMerge.Sending;

/// <summary>Reads and moves packet claims; every write is guarded by the ETag, so two runs of a packet never both send.</summary>
public sealed class PacketLeaseTable(TableServiceClient tables)
{
    private TableClient Table => tables.GetTableClient(StorageNames.PacketsTable);

    /// <summary>The packet's claim, or null when no run has claimed it.</summary>
    public async Task<PacketLease?> FindAsync(string campaignId, int packet, int pass, CancellationToken cancellationToken)
    {
        NullableResponse<PacketLease> found = await Table.GetEntityIfExistsAsync<PacketLease>(campaignId, Key(packet, pass), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Takes the claim for a new run; false when another run changed it first.</summary>
    public async Task<PacketLease?> TakeAsync(string campaignId, int packet, int pass, PacketLease? previous, int claimedThrough, CancellationToken cancellationToken)
    {
        var lease = new PacketLease
        {
            PartitionKey = campaignId,
            RowKey = Key(packet, pass),
            ClaimToken = Guid.NewGuid().ToString("N"),
            ClaimedThrough = claimedThrough,
        };
        try
        {
            Response response = previous is null
                ? await Table.AddEntityAsync(lease, cancellationToken)
                : await Table.UpdateEntityAsync(lease, previous.ETag, TableUpdateMode.Replace, cancellationToken);
            lease.ETag = response.Headers.ETag ?? default;
            return lease;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Moves the mark; false when another run took the claim meanwhile.</summary>
    public async Task<bool> MoveAsync(PacketLease lease, int claimedThrough, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var update = new PacketLease
        {
            PartitionKey = lease.PartitionKey,
            RowKey = lease.RowKey,
            ClaimToken = lease.ClaimToken,
            ClaimedThrough = claimedThrough,
        };
        try
        {
            Response response = await Table.UpdateEntityAsync(update, lease.ETag, TableUpdateMode.Replace, cancellationToken);

            // Only a stored claim counts: the sender reads ClaimedThrough to decide what it may send.
            lease.ETag = response.Headers.ETag ?? default;
            lease.ClaimedThrough = claimedThrough;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>One claim per packet and pass: a retry pass claims the packet's deferred rows afresh.</summary>
    private static string Key(int packet, int pass) => pass == 0
        ? packet.ToString("D10", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{packet:D10}.{pass:D5}");
}
