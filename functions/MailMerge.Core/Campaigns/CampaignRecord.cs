using Azure;
using Azure.Data.Tables;

namespace MailMerge.Campaigns;

/// <summary>A campaign's row in the Campaigns table (partition "campaign", row key = id). Holds no addresses.</summary>
public sealed class CampaignRecord : ITableEntity
{
    /// <summary>The one partition of the Campaigns table.</summary>
    public const string Partition = "campaign";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = Partition;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>Name for people.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Sender account name (never its password).</summary>
    public string Sender { get; set; } = string.Empty;

    /// <summary>A <see cref="CampaignState"/> name.</summary>
    public string State { get; set; } = nameof(CampaignState.Scheduled);

    /// <summary>Why the campaign halted or failed.</summary>
    public string? StateReason { get; set; }

    /// <summary>Messages per packet.</summary>
    public int PacketSize { get; set; }

    /// <summary>Minimum seconds between packet starts.</summary>
    public double IntervalSeconds { get; set; }

    /// <summary>Failures that halt the campaign; 0 = never.</summary>
    public int ErrorLimit { get; set; }

    /// <summary>Attempts per recipient on transient (4xx) replies.</summary>
    public int MaxAttempts { get; set; } = CampaignLimits.DefaultMaxAttempts;

    /// <summary>Seconds before the first retry pass; each later pass doubles it.</summary>
    public double RetryDelaySeconds { get; set; } = CampaignLimits.DefaultRetryDelaySeconds;

    /// <summary>The archive folder sent copies go to; null when the campaign keeps no copies.</summary>
    public string? ArchiveFolder { get; set; }

    /// <summary>How many times "retry failed" started a retry round (0 = never).</summary>
    public int RetryRound { get; set; }

    /// <summary>Lines in the caller's list.</summary>
    public int Total { get; set; }

    /// <summary>Rows to send (valid, first-seen).</summary>
    public int Sendable { get; set; }

    /// <summary>Rows with a send key (sendable at intake); packets cover them even when some are later suppressed.</summary>
    public int SendSlots { get; set; }

    /// <summary>The rows packets cover: <see cref="SendSlots"/>, or <see cref="Sendable"/> for rows written before it existed.</summary>
    [System.Runtime.Serialization.IgnoreDataMember]
    public int SendRows => SendSlots > 0 ? SendSlots : Sendable;

    /// <summary>Rows skipped as duplicates.</summary>
    public int Duplicates { get; set; }

    /// <summary>Rows skipped as invalid.</summary>
    public int Invalid { get; set; }

    /// <summary>Rows skipped by the campaign's exclusions list.</summary>
    public int Excluded { get; set; }

    /// <summary>Rows skipped because the address is on the suppression list.</summary>
    public int Suppressed { get; set; }

    /// <summary>Rows marked Cancelled when the campaign was cancelled.</summary>
    public int Cancelled { get; set; }

    /// <summary>A control the caller asked for and the packets obey: "Pause", "Cancel", or empty.</summary>
    public string? Control { get; set; }

    /// <summary>True when the caller gave a start time (a draft keeps it until it is started).</summary>
    public bool HasStartTime { get; set; }

    /// <summary>
    /// Set while a change of the draft rewrites its rows and content (null otherwise): no other change and no start
    /// may run then. A claim left by a change that died (past <see cref="EditUntil"/>) is taken over by the next change.
    /// </summary>
    public string? EditToken { get; set; }

    /// <summary>Until when <see cref="EditToken"/> holds.</summary>
    public DateTimeOffset? EditUntil { get; set; }

    /// <summary>Final count of sent rows (written when the campaign ends).</summary>
    public int Sent { get; set; }

    /// <summary>Final count of failed rows.</summary>
    public int Failed { get; set; }

    /// <summary>Final count of rows whose delivery is uncertain.</summary>
    public int Uncertain { get; set; }

    /// <summary>Rows waiting for a retry pass (transient refusal) when the campaign stopped.</summary>
    public int Deferred { get; set; }

    /// <summary>SMTP connections the campaign's packets opened, as they reported them.</summary>
    public int Connections { get; set; }

    /// <summary>Send attempts beyond each recipient's first (retry passes, reconnects), as the packets reported them.</summary>
    public int Retries { get; set; }

    /// <summary>Recipients that had at least one empty merge field.</summary>
    public int WithMissingFields { get; set; }

    /// <summary>Packets finished.</summary>
    public int PacketsDone { get; set; }

    /// <summary>When the request was accepted.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the draft was last changed (the creation time when never).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When sending should start.</summary>
    public DateTimeOffset StartAt { get; set; }

    /// <summary>When the first packet started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the campaign ended.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The attachments the campaign froze, as <see cref="Attachments.AttachmentManifest"/> JSON (names, sizes, types; no content); null for none.</summary>
    public string? AttachmentsJson { get; set; }

    /// <summary>SHA-256 of the request, to tell a replay from a different request under the same Idempotency-Key.</summary>
    public string? RequestHash { get; set; }
}
