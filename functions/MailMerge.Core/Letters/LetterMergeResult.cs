namespace MailMerge.Letters;

/// <summary>What merging one letter produced besides the document: the fields that had no value.</summary>
/// <param name="MissingFields">
/// Field names (as written in the template, each once) for which the values held no entry or a null value;
/// they were rendered empty.
/// </param>
public sealed record LetterMergeResult(IReadOnlyList<string> MissingFields);
