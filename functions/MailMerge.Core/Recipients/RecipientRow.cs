using Azure;
using Azure.Data.Tables;

namespace MailMerge.Recipients;

/// <summary>
/// One recipient of a campaign, stored in the Recipients table: partition = campaign id; row key =
/// <c>s</c> + send index (10 digits) for rows that are sent, <c>x</c> + line (10 digits) for rows skipped at intake.
/// </summary>
public sealed class RecipientRow : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>Line in the caller's list (1-based).</summary>
    public int Line { get; set; }

    /// <summary>The address as validated (or the raw text for an invalid row).</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>Display name from the mailbox, if any.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Merge fields as a JSON object.</summary>
    public string FieldsJson { get; set; } = "{}";

    /// <summary>A <see cref="RecipientStatus"/> name.</summary>
    public string Status { get; set; } = nameof(RecipientStatus.Pending);

    /// <summary>Why the row was skipped or failed, in words.</summary>
    public string? Reason { get; set; }

    /// <summary>The SMTP reply code of a failure (e.g. 550), when the server gave one.</summary>
    public int? SmtpCode { get; set; }

    /// <summary>The SMTP reply text of a failure.</summary>
    public string? SmtpText { get; set; }

    /// <summary>The Message-Id the message was sent with.</summary>
    public string? MessageId { get; set; }

    /// <summary>When the server accepted the message.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many times a send was started for this row.</summary>
    public int Attempts { get; set; }

    /// <summary>Merge fields the templates used that had no value for this recipient (comma-separated).</summary>
    public string? MissingFields { get; set; }

    /// <summary>The send pass that last tried this row: 0 = the campaign's first pass, 1 and on = retry passes.</summary>
    public int Pass { get; set; }

    /// <summary>For a Deferred row: not retried before this time.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Attempts the row had when "retry failed" queued it again; the attempt limit counts from here.</summary>
    public int RetryFrom { get; set; }

    /// <summary>When the sent copy was stored in the campaign's archive folder (Blob storage).</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Size in bytes of the archived copy (.eml).</summary>
    public long? ArchiveSize { get; set; }

    /// <summary>Why the sent copy could not be archived (the message itself was sent).</summary>
    public string? ArchiveError { get; set; }

    /// <summary>When the sent copy was appended to the sender's IMAP Sent folder.</summary>
    public DateTimeOffset? ImapAppendedAt { get; set; }

    /// <summary>Why the sent copy could not be appended to the IMAP Sent folder.</summary>
    public string? ImapError { get; set; }

    /// <summary>For duplicates: the line that is sent instead.</summary>
    public int? DuplicateOfLine { get; set; }
}
