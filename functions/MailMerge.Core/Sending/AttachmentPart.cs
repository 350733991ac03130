using MailMerge.Attachments;
using MimeKit;

namespace MailMerge.Sending;

/// <summary>
/// The MIME part of one attachment. Its file name goes out twice: as Content-Disposition <c>filename</c> in RFC 2231
/// form (<c>filename*=utf-8''Umowa%20%E2%80%93…</c>, the standard, read by Gmail, Apple Mail and Thunderbird) and as
/// Content-Type <c>name</c> in an RFC 2047 encoded word (<c>name="=?utf-8?b?…?="</c>, which Outlook reads). An ASCII
/// name needs neither and goes out as it is in both.
/// </summary>
public static class AttachmentPart
{
    /// <summary>A base64 part whose content is the attachment's shared, already encoded lines (copied, not re-encoded).</summary>
    public static MimePart Create(MessageAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ContentType type = ContentType.Parse(attachment.ContentType);
        type.Parameters.Remove("name");
        type.Parameters.Add(new Parameter("name", attachment.FileName) { EncodingMethod = ParameterEncodingMethod.Rfc2047 });
        var disposition = new ContentDisposition(ContentDisposition.Attachment);
        disposition.Parameters.Add(new Parameter("filename", attachment.FileName) { EncodingMethod = ParameterEncodingMethod.Rfc2231 });
        return new MimePart(type)
        {
            ContentDisposition = disposition,
            ContentTransferEncoding = ContentEncoding.Base64,
            Content = new MimeContent(new MemoryStream(attachment.Base64, writable: false), ContentEncoding.Base64),
        };
    }
}
