namespace MailMerge.LetterBatches;

/// <summary>The outcome of accepting a letter batch.</summary>
/// <param name="BatchId">The batch id, when accepted (or replayed).</param>
/// <param name="Errors">Invalid fields and why; empty when accepted.</param>
/// <param name="Notice">Something the caller should know about an accepted batch (e.g. a combined template without markers).</param>
/// <param name="KeyConflict">The Idempotency-Key was used for a different request.</param>
/// <param name="Replayed">The same request was already accepted under this key; nothing new was started.</param>
/// <param name="Dropped">Contacts of a selection that get no letter, with the reason (e.g. no postal address).</param>
public sealed record LetterBatchCreation(
    string? BatchId, IDictionary<string, string[]> Errors, string? Notice = null, bool KeyConflict = false, bool Replayed = false, IReadOnlyList<Contacts.DroppedLine>? Dropped = null)
{
    /// <summary>True when the batch exists.</summary>
    public bool Accepted => BatchId is not null && Errors.Count == 0 && !KeyConflict;
}
