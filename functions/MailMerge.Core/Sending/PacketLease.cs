using Azure;
using Azure.Data.Tables;

namespace MailMerge.Sending;

/// <summary>
/// A packet's claim, one row per packet and pass in the Packets table (partition = campaign id, row key = packet
/// number, and <c>.pass</c> for a retry pass). Before a message goes out, <see cref="ClaimedThrough"/> already covers it, so a run that finds
/// a row still pending below the mark knows a dead run may have handed it to the server.
/// </summary>
public sealed class PacketLease : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The run that holds the claim.</summary>
    public string ClaimToken { get; set; } = string.Empty;

    /// <summary>Send index (exclusive) up to which rows may have been handed to the server.</summary>
    public int ClaimedThrough { get; set; }
}
