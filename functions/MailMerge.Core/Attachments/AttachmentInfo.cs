namespace MailMerge.Attachments;

/// <summary>An attachment as the API and the campaign describe it (no content).</summary>
/// <param name="Name">The resource name it was uploaded under (<c>PUT /api/attachments/{name}</c>).</param>
/// <param name="FileName">The file name recipients see, any Unicode text.</param>
/// <param name="ContentType">The media type it is sent with.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">The SHA-256 of the file, lower-case hex.</param>
/// <param name="UpdatedAt">When the upload was stored (not kept for a campaign's frozen copy).</param>
public sealed record AttachmentInfo(string Name, string FileName, string ContentType, long Bytes, string Sha256, DateTimeOffset? UpdatedAt = null);
