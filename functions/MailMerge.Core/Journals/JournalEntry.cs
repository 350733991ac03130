using Azure;
using Azure.Data.Tables;

namespace MailMerge.Journals;

/// <summary>
/// One entry of a journal (register of correspondence): partition = journal name, row key = year and sequence
/// (<c>2026-000123</c>), so a journal lists in number order.
/// </summary>
public sealed class JournalEntry : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The entry number as printed: <c>KOR/2026/000123</c>.</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>Year of the register.</summary>
    public int Year { get; set; }

    /// <summary>Sequence within the journal and year, from 1.</summary>
    public long Sequence { get; set; }

    /// <summary>The letter batch the entry was made for.</summary>
    public string BatchId { get; set; } = string.Empty;

    /// <summary>The recipient's line in the batch.</summary>
    public int Line { get; set; }

    /// <summary>Subject of the correspondence.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>Recipient's name as on the envelope.</summary>
    public string Recipient { get; set; } = string.Empty;

    /// <summary>Delivery method name.</summary>
    public string DeliveryMethod { get; set; } = string.Empty;

    /// <summary>Registered-mail number, when the letter has one.</summary>
    public string? RegisteredNumber { get; set; }

    /// <summary>Date of receipt given with the batch (yyyy-MM-dd).</summary>
    public string ReceivedDate { get; set; } = string.Empty;

    /// <summary>Storage location label of the batch.</summary>
    public string? StorageLocation { get; set; }

    /// <summary>The generated document's file name within the batch.</summary>
    public string Document { get; set; } = string.Empty;

    /// <summary>When the entry was made.</summary>
    public DateTimeOffset RegisteredAt { get; set; }
}
