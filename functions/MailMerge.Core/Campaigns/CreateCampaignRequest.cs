namespace MailMerge.Campaigns;

/// <summary>The body of <c>POST /api/campaigns</c>.</summary>
public sealed record CreateCampaignRequest
{
    /// <summary>A name for people (shown in lists and reports).</summary>
    public string? Name { get; init; }

    /// <summary>Liquid template of the subject.</summary>
    public string? Subject { get; init; }

    /// <summary>Liquid template of the HTML body, inline; or use <see cref="BodyTemplate"/>.</summary>
    public string? Body { get; init; }

    /// <summary>Name of an uploaded HTML template (<c>PUT /api/templates/{name}</c>).</summary>
    public string? BodyTemplate { get; init; }

    /// <summary>
    /// True: move the body's &lt;style&gt; rules into style attributes once, when the campaign is created; false:
    /// never. Absent: only when the template carries <c>&lt;meta name="mailmerge-inline-css" content="true"&gt;</c>.
    /// </summary>
    public bool? InlineCss { get; init; }

    /// <summary>Name of a configured sender account.</summary>
    public string? Sender { get; init; }

    /// <summary>Recipients inline; or use <see cref="RecipientList"/>.</summary>
    public List<InlineRecipient>? Recipients { get; init; }

    /// <summary>Name of an uploaded recipient CSV (<c>PUT /api/recipient-lists/{name}</c>).</summary>
    public string? RecipientList { get; init; }

    /// <summary>
    /// Addresses (<c>jan@example.test</c>) and whole domains (<c>example.test</c>, subdomains included) this campaign
    /// never sends to, ignoring letter case; matching lines are reported as Excluded.
    /// </summary>
    public List<string?>? Exclusions { get; init; }

    /// <summary>
    /// Recipients picked from the contact store, with the wizard's rules; or use <see cref="Recipients"/> or
    /// <see cref="RecipientList"/>.
    /// </summary>
    public Contacts.ContactSelection? Contacts { get; init; }

    /// <summary>
    /// Names of uploaded attachments (<c>PUT /api/attachments/{name}</c>), in the order messages carry them; the
    /// campaign keeps its own copies from the moment it is created (or its draft changed).
    /// </summary>
    public List<string?>? Attachments { get; init; }

    /// <summary>Messages per packet (one SMTP connection each); default 50.</summary>
    public int? PacketSize { get; init; }

    /// <summary>Minimum seconds between the starts of two packets; default 0.</summary>
    public double? IntervalSeconds { get; init; }

    /// <summary>
    /// Liquid template of an https unsubscribe URL (e.g. <c>https://crm.example/unsubscribe?c={{ client_number }}</c>);
    /// when set, every message carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 one-click).
    /// </summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>Stop after this many failed recipients; 0 = never stop. Default 0.</summary>
    public int? ErrorLimit { get; init; }

    /// <summary>
    /// Attempts per recipient when the server answers with a transient 4xx reply (1 = no retry); default 3.
    /// Retries go out in retry passes after the first pass, each waiting twice as long as the one before.
    /// </summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Seconds before the first retry pass (0 to 3600); default 300.</summary>
    public double? RetryDelaySeconds { get; init; }

    /// <summary>
    /// Where replies go: <c>{"mode": "sender"}</c>, <c>{"mode": "accountManager"}</c> (the recipient's
    /// <c>account_manager_email</c> and <c>account_manager_name</c> fields) or <c>{"mode": "address", "address": "…"}</c>.
    /// </summary>
    public ReplyToOption? ReplyTo { get; init; }

    /// <summary>
    /// Keep a copy of every sent message (.eml, exactly as sent) in Blob storage under the folder it names, and in
    /// the sender account's IMAP Sent folder when the account has IMAP settings.
    /// </summary>
    public ArchiveOption? Archive { get; init; }

    /// <summary>True: store the campaign as a draft (list built, nothing scheduled) to change and start later.</summary>
    public bool? Draft { get; init; }

    /// <summary>When to start: an instant with its offset (<c>2026-12-01T09:00:00+01:00</c>); or use <see cref="StartAtLocal"/>.</summary>
    public string? StartAt { get; init; }

    /// <summary>When to start, as a local time in an IANA time zone; see <see cref="StartTime"/> for clock-change days.</summary>
    public LocalStartTime? StartAtLocal { get; init; }

    /// <summary>True: start at once, also when the given start time has passed.</summary>
    public bool? StartNow { get; init; }
}
