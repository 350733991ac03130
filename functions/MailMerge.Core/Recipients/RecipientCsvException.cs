namespace MailMerge.Recipients;

/// <summary>A recipient CSV that cannot be read as a whole (no header, no address column, broken quoting).</summary>
public sealed class RecipientCsvException(string message) : Exception(message);
