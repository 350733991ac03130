using Azure;
using Azure.Data.Tables;

namespace MailMerge.LetterBatches;

/// <summary>
/// A letter batch's row in the LetterBatches table (partition "batch", row key = id). Holds no recipient data: of the
/// contacts a selection left out it keeps their ids and the reasons only.
/// </summary>
public sealed class LetterBatchRecord : ITableEntity
{
    /// <summary>The one partition of the table.</summary>
    public const string Partition = "batch";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = Partition;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>Subject of the correspondence.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>Name of the uploaded template the batch was made from (frozen in the batch's folder).</summary>
    public string Template { get; set; } = string.Empty;

    /// <summary>A <see cref="LetterBatches.DeliveryMethod"/> name.</summary>
    public string DeliveryMethod { get; set; } = string.Empty;

    /// <summary>Storage location label.</summary>
    public string? StorageLocation { get; set; }

    /// <summary>True for one combined document, false for one per recipient.</summary>
    public bool Combined { get; set; }

    /// <summary>Culture name for dates and numbers.</summary>
    public string Culture { get; set; } = "pl-PL";

    /// <summary>Number of recipients (letters).</summary>
    public int Total { get; set; }

    /// <summary>Contacts of a selection that got no letter.</summary>
    public int Dropped { get; set; }

    /// <summary>The first of them as JSON (source and reason), within a Table property's size.</summary>
    public string? DroppedJson { get; set; }

    /// <summary>Most dropped lines kept on the row (a Table string property holds 32K characters).</summary>
    public const int MaxDroppedKept = 100;

    /// <summary>The dropped lines as stored: source, reason and detail of the first <see cref="MaxDroppedKept"/>.</summary>
    public static string DroppedText(IReadOnlyList<Contacts.DroppedLine> dropped)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        return System.Text.Json.JsonSerializer.Serialize(
            dropped.Take(MaxDroppedKept).Select(d => new Contacts.DroppedLine(d.Source, null, d.Reason, d.Detail.Length > 200 ? d.Detail[..200] : d.Detail)).ToList(),
            Json.MailMergeJson.Options);
    }

    /// <summary>Registered-mail counter name, when letters are registered.</summary>
    public string? RegisteredCounter { get; set; }

    /// <summary>Start value given for the counter.</summary>
    public int RegisteredStart { get; set; }

    /// <summary>S10 service indicator.</summary>
    public string? ServiceIndicator { get; set; }

    /// <summary>S10 country code.</summary>
    public string? Country { get; set; }

    /// <summary>First serial reserved for the batch, once reserved.</summary>
    public long? RegisteredFirst { get; set; }

    /// <summary>Journal name, when letters are registered in one.</summary>
    public string? Journal { get; set; }

    /// <summary>Date of receipt, yyyy-MM-dd.</summary>
    public string? ReceivedDate { get; set; }

    /// <summary>Year of the journal's register the entries go to.</summary>
    public int JournalYear { get; set; }

    /// <summary>First journal sequence reserved for the batch, once reserved.</summary>
    public long? JournalFirst { get; set; }

    /// <summary>Merge fields naming the recipient on the dispatch list, comma-separated; empty for the defaults.</summary>
    public string NameFields { get; set; } = string.Empty;

    /// <summary>Merge fields of the postal address, comma-separated; empty for the defaults.</summary>
    public string AddressFields { get; set; } = string.Empty;

    /// <summary>A <see cref="LetterBatchState"/> name.</summary>
    public string State { get; set; } = nameof(LetterBatchState.Generating);

    /// <summary>Why the batch failed.</summary>
    public string? StateReason { get; set; }

    /// <summary>Letters generated.</summary>
    public int Generated { get; set; }

    /// <summary>Letters that could not be generated.</summary>
    public int Failed { get; set; }

    /// <summary>Letters with at least one empty merge field.</summary>
    public int WithMissingFields { get; set; }

    /// <summary>Accepted at.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Hash of the request, to tell a replay from a different request under the same Idempotency-Key.</summary>
    public string RequestHash { get; set; } = string.Empty;

    /// <summary>Finished at.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}
