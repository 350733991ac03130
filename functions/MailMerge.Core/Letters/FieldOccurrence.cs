namespace MailMerge.Letters;

/// <summary>One place in the template where a field's value goes, with the formatting the value gets.</summary>
/// <param name="Field">The field and its switches.</param>
/// <param name="RunPropertiesXml">
/// The w:rPr the value's run gets, as XML: a string is safe to share between merges on several threads.
/// </param>
internal sealed record FieldOccurrence(MergeFieldInstruction Field, string? RunPropertiesXml);
