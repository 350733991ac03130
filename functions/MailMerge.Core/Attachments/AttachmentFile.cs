namespace MailMerge.Attachments;

/// <summary>An uploaded attachment with its content.</summary>
/// <param name="Info">What it is.</param>
/// <param name="Content">Its bytes.</param>
public sealed record AttachmentFile(AttachmentInfo Info, BinaryData Content);
