namespace MailMerge.LetterBatches;

/// <summary>The answer of <c>GET /api/letter-batches/{id}</c>.</summary>
public sealed record LetterBatchStatus(
    string Id,
    string Subject,
    string Template,
    LetterBatchState State,
    string? Reason,
    string DeliveryMethod,
    string? StorageLocation,
    string Output,
    LetterBatchCounts Letters,
    LetterBatchChunks Chunks,
    RegisteredRange? RegisteredNumbers,
    JournalRange? Journal,
    LetterBatchDropped? Dropped,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string DocumentsUrl,
    string DispatchListUrl);

/// <summary>Contacts of the batch's selection that got no letter: how many, and the first of them with their reasons.</summary>
public sealed record LetterBatchDropped(int Total, IReadOnlyList<Contacts.DroppedLine> Lines);

/// <summary>Letter counts.</summary>
public sealed record LetterBatchCounts(int Total, int Generated, int Failed, int Pending, int WithMissingFields);

/// <summary>Chunk progress while generating.</summary>
public sealed record LetterBatchChunks(int Done, int Total, bool Assembling);

/// <summary>The registered-mail numbers of the batch, once reserved.</summary>
public sealed record RegisteredRange(string Counter, string? First, string? Last);

/// <summary>The journal entries of the batch, once reserved.</summary>
public sealed record JournalRange(string Name, string ReceivedDate, string? First, string? Last, string EntriesUrl);
