namespace MailMerge.Letters;

/// <summary>What writing one combined document produced besides the document.</summary>
/// <param name="LetterCount">How many letters (recipients) the document holds.</param>
/// <param name="MissingFieldsByLetter">
/// For each letter that lacked values, its zero-based position in the recipient sequence and the names of the
/// fields that rendered empty. Letters with every value present are not listed.
/// </param>
public sealed record CombinedDocumentResult(
    int LetterCount,
    IReadOnlyDictionary<int, IReadOnlyList<string>> MissingFieldsByLetter);
