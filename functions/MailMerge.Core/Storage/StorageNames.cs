namespace MailMerge.Storage;

/// <summary>Names of the tables and blob containers MailMerge owns.</summary>
public static class StorageNames
{
    /// <summary>Table of campaigns, one row each.</summary>
    public const string CampaignsTable = "Campaigns";

    /// <summary>Table of recipient rows, one partition per campaign.</summary>
    public const string RecipientsTable = "Recipients";

    /// <summary>Table of packet claims, one partition per campaign.</summary>
    public const string PacketsTable = "Packets";

    /// <summary>Table of the standing suppression list (addresses that never get mail).</summary>
    public const string SuppressionsTable = "Suppressions";
    /// <summary>Table of counters (registered-mail serials, journal numbers) and their reservations, one partition per counter.</summary>
    public const string CountersTable = "Counters";

    /// <summary>Table of letter batches, one row each.</summary>
    public const string LetterBatchesTable = "LetterBatches";

    /// <summary>Table of letters, one partition per batch, one row per recipient.</summary>
    public const string LettersTable = "Letters";

    /// <summary>Table of journal entries, one partition per journal.</summary>
    public const string JournalEntriesTable = "JournalEntries";

    /// <summary>Container of Word letter templates uploaded through the API.</summary>
    public const string LetterTemplatesContainer = "letter-templates";

    /// <summary>Container of generated letters, a folder per batch (with the batch's frozen template).</summary>
    public const string LetterDocumentsContainer = "letter-documents";

    /// <summary>Table of companies and persons (partition = id, row key = kind and id); their search index lives in ContactsBy* tables.</summary>
    public const string ContactsTable = "Contacts";

    /// <summary>Container of HTML templates uploaded through the API.</summary>
    public const string TemplatesContainer = "templates";

    /// <summary>Container of uploaded recipient CSV files.</summary>
    public const string RecipientListsContainer = "recipient-lists";

    /// <summary>Container of attachment files uploaded through the API.</summary>
    public const string AttachmentsContainer = "attachments";

    /// <summary>Container holding each campaign's frozen subject and body templates and its copies of its attachments.</summary>
    public const string CampaignContentContainer = "campaign-content";

    /// <summary>Container of archived sent messages: <c>&lt;folder&gt;/&lt;campaign id&gt;/&lt;row&gt;.eml</c>.</summary>
    public const string ArchiveContainer = "archive";

    /// <summary>All tables, for start-up creation.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        [CampaignsTable, RecipientsTable, PacketsTable, SuppressionsTable, CountersTable, LetterBatchesTable, LettersTable, JournalEntriesTable, ContactsTable, Contacts.ContactIndexEntry.MembersTable];

    /// <summary>All containers, for start-up creation.</summary>
    public static IReadOnlyList<string> Containers { get; } =
        [TemplatesContainer, RecipientListsContainer, CampaignContentContainer, LetterTemplatesContainer, LetterDocumentsContainer, AttachmentsContainer, ArchiveContainer];
}
