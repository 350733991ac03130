using Azure;
using Azure.Data.Tables;

namespace MailMerge.Suppressions;

/// <summary>One address on the standing suppression list (Suppressions table; row key = the encoded address in lower case).</summary>
public sealed class SuppressionEntry : ITableEntity
{
    /// <summary>The one partition of the table.</summary>
    public const string Partition = "address";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = Partition;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The address in lower case.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Why it is suppressed (free text from the caller, e.g. "unsubscribed", "hard bounce").</summary>
    public string? Reason { get; set; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset AddedAt { get; set; }
}
