namespace MailMerge.Contacts;

/// <summary>A line of a resolution that gets nothing, with its source and reason.</summary>
/// <param name="Source">Where it comes from: <c>company C014, general address</c>, <c>person C010-P1, default contact</c>.</param>
/// <param name="Address">The address concerned, when there is one.</param>
/// <param name="Reason">Why it is dropped.</param>
/// <param name="Detail">The reason in words.</param>
public sealed record DroppedLine(string Source, string? Address, DropReason Reason, string Detail);
