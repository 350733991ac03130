using Azure;
using Azure.Data.Tables;

namespace MailMerge.LetterBatches;

/// <summary>One recipient's letter: partition = batch id, row key = line (7 digits).</summary>
public sealed class LetterRow : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>1-based position in the recipient list.</summary>
    public int Line { get; set; }

    /// <summary>The recipient's merge values as JSON.</summary>
    public string FieldsJson { get; set; } = "{}";

    /// <summary>A <see cref="LetterState"/> name.</summary>
    public string State { get; set; } = nameof(LetterState.Pending);

    /// <summary>Why the letter failed.</summary>
    public string? Reason { get; set; }

    /// <summary>Registered-mail number (compact S10), when registered.</summary>
    public string? RegisteredNumber { get; set; }

    /// <summary>Journal entry number, when registered in a journal.</summary>
    public string? JournalNumber { get; set; }

    /// <summary>The document's file name in the batch.</summary>
    public string? Document { get; set; }

    /// <summary>Fields that rendered empty, comma-separated.</summary>
    public string? MissingFields { get; set; }

    /// <summary>The row key of a line.</summary>
    public static string KeyOf(int line) => line.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Where one letter is.</summary>
public enum LetterState
{
    /// <summary>Not generated yet.</summary>
    Pending,

    /// <summary>Generated (its own document, or its place in the combined one).</summary>
    Generated,

    /// <summary>Could not be generated; see the reason.</summary>
    Failed,
}
