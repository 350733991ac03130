using MailMerge.Templates;
using MimeKit;
using MimeKit.Text;

namespace MailMerge.Sending;

/// <summary>Builds the MIME message for one recipient: multipart/alternative with text and HTML, quoted-printable, UTF-8 headers.</summary>
public static class MessageFactory
{
    /// <summary>The Message-Id of a recipient's message: stable for campaign and row, so a retry reuses it.</summary>
    public static string MessageId(string campaignId, string rowKey, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(fromAddress);
        int at = fromAddress.LastIndexOf('@');
        string domain = at >= 0 ? fromAddress[(at + 1)..] : "mailmerge.local";
        return $"{campaignId}.{rowKey}@{domain}";
    }

    /// <summary>Creates the message.</summary>
    public static MimeMessage Create(SenderAccount sender, string toAddress, string? toName, RenderedMessage content, string messageId, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(content);
        var message = new MimeMessage
        {
            Subject = content.Subject,
            MessageId = messageId,
            Date = date,
        };
        message.From.Add(new MailboxAddress(sender.FromName ?? string.Empty, sender.FromAddress));
        message.To.Add(new MailboxAddress(toName ?? string.Empty, toAddress));

        // Quoted-printable keeps every line under 78 characters whatever the template's line lengths.
        var text = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        text.SetText("utf-8", content.Text);
        var html = new TextPart(TextFormat.Html) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        html.SetText("utf-8", content.Html);
        message.Body = new MultipartAlternative { text, html };
        return message;
    }
}
