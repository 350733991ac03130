namespace MailMerge.Attachments;

/// <summary>
/// An attachment ready to go into messages: its content already base64-encoded in 76-character CRLF lines, once
/// per campaign and host, so that each message only copies it.
/// </summary>
/// <param name="FileName">The file name recipients see.</param>
/// <param name="ContentType">The media type.</param>
/// <param name="Bytes">The size of the file itself.</param>
/// <param name="Base64">The file as base64 lines (ASCII, each ending in CRLF); shared by every message, never written to.</param>
public sealed record MessageAttachment(string FileName, string ContentType, long Bytes, byte[] Base64);
