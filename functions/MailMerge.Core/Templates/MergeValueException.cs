namespace MailMerge.Templates;

/// <summary>A recipient's merge value cannot be used safely (e.g. a line break that would reach a header).</summary>
public sealed class MergeValueException(string message) : Exception(message);
