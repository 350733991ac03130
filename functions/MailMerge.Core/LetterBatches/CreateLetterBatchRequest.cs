using System.Text.Json.Serialization;

namespace MailMerge.LetterBatches;

/// <summary>The body of <c>POST /api/letter-batches</c> and <c>POST /api/letter-batches/preview</c>.</summary>
public sealed record CreateLetterBatchRequest
{
    /// <summary>Subject of the correspondence (merge field <c>subject</c>, journal entries).</summary>
    public string? Subject { get; init; }

    /// <summary>Name of an uploaded Word template (<c>PUT /api/letter-templates/{name}</c>).</summary>
    public string? Template { get; init; }

    /// <summary><c>ordinary</c>, <c>priority</c>, <c>registered</c>, <c>registeredWithReturnReceipt</c> or <c>courier</c>.</summary>
    public string? DeliveryMethod { get; init; }

    /// <summary>Optional label of where the printed batch is kept.</summary>
    public string? StorageLocation { get; init; }

    /// <summary><c>perRecipient</c> (one .docx each, the default) or <c>combined</c> (one .docx for all).</summary>
    public string? Output { get; init; }

    /// <summary>Recipients inline: each an object of merge fields, or <c>{"fields": {...}}</c>.</summary>
    [JsonConverter(typeof(LetterRecipientsJsonConverter))]
    public List<Dictionary<string, string?>>? Recipients { get; init; }

    /// <summary>Name of an uploaded recipient CSV (<c>PUT /api/recipient-lists/{name}</c>); every column is a merge field.</summary>
    public string? RecipientList { get; init; }

    /// <summary>
    /// Recipients picked from the contact store with the wizard's rules (as for campaigns): one letter per company or
    /// person at the person's postal address, else the company's; contacts without one are reported, not sent.
    /// </summary>
    public Contacts.ContactSelection? Contacts { get; init; }

    /// <summary>The registered-mail number counter; required for registered delivery methods.</summary>
    public RegisteredNumbersRequest? RegisteredNumbers { get; init; }

    /// <summary>Register each letter in this journal (needs the <c>journals.write</c> permission).</summary>
    public JournalRequest? Journal { get; init; }

    /// <summary>Culture of <c>\@</c> dates and <c>\#</c> numbers, e.g. <c>pl-PL</c>; default pl-PL.</summary>
    public string? Culture { get; init; }

    /// <summary>Merge fields whose values, joined by spaces, name the recipient on the dispatch list.</summary>
    public List<string>? NameFields { get; init; }

    /// <summary>Merge fields whose values, joined by commas, are the postal address on the dispatch list.</summary>
    public List<string>? AddressFields { get; init; }

    /// <summary>Preview only: the recipient's line (from 1) to render; default 1.</summary>
    public int? Line { get; init; }
}

/// <summary>Which counter numbers registered letters, and how numbers look.</summary>
/// <param name="Counter">Counter name (letters, digits, '.', '-', '_'); default <c>registered</c>.</param>
/// <param name="Start">First serial of a new counter, or a serial to move an existing counter forward to; never backwards.</param>
/// <param name="ServiceIndicator">The two S10 service letters; default <c>RR</c>.</param>
/// <param name="Country">The two-letter country code of the post; default <c>PL</c>.</param>
public sealed record RegisteredNumbersRequest(string? Counter, int? Start, string? ServiceIndicator, string? Country);

/// <summary>The journal to register letters in.</summary>
/// <param name="Name">Journal name (letters, digits, '.', '-', '_'), the first part of its numbers, e.g. <c>KOR</c>.</param>
/// <param name="ReceivedDate">Date of receipt, yyyy-MM-dd.</param>
public sealed record JournalRequest(string? Name, string? ReceivedDate);
