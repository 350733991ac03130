using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>One place in the template where a field's value goes, with the formatting the value gets.</summary>
internal sealed record FieldOccurrence(MergeFieldInstruction Field, RunProperties? RunProperties);
