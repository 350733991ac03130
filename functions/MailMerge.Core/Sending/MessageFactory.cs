using MailMerge.Attachments;
using MailMerge.Templates;
using MimeKit;
using MimeKit.Text;

namespace MailMerge.Sending;

/// <summary>
/// Builds the MIME message for one recipient: multipart/alternative with text and HTML, quoted-printable, UTF-8
/// headers; with attachments, multipart/mixed { that alternative, each attachment once }.
/// </summary>
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

    /// <summary>Longest line (without CRLF) SMTP allows.</summary>
    public const int MaxLineLength = 998;

    /// <summary>
    /// Creates the message. With <paramref name="eightBit"/> (the server announced 8BITMIME) parts whose lines all
    /// fit SMTP's limit go as 8-bit UTF-8 text, which costs no encoding; otherwise they are quoted-printable.
    /// <paramref name="attachments"/> (the campaign's, in order) follow the text and HTML.
    /// </summary>
    public static MimeMessage Create(
        SenderAccount sender, string toAddress, string? toName, RenderedMessage content, string messageId, DateTimeOffset date, bool eightBit = false, MailboxAddress? replyTo = null,
        IReadOnlyList<MessageAttachment>? attachments = null)
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
        if (replyTo is not null)
        {
            message.ReplyTo.Add(replyTo);
        }
        if (content.UnsubscribeUrl is { Length: > 0 } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that posts to the URL once.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.To.Add(new MailboxAddress(toName ?? string.Empty, toAddress));

        // Quoted-printable keeps every line under 78 characters whatever the template's line lengths.
        var text = new TextPart(TextFormat.Plain) { ContentTransferEncoding = Encoding(content.Text, eightBit) };
        text.SetText("utf-8", content.Text);
        var html = new TextPart(TextFormat.Html) { ContentTransferEncoding = Encoding(content.Html, eightBit) };
        html.SetText("utf-8", content.Html);
        var alternative = new MultipartAlternative { text, html };
        if (attachments is not { Count: > 0 })
        {
            message.Body = alternative;
            return message;
        }

        var mixed = new Multipart("mixed") { alternative };
        foreach (MessageAttachment attachment in attachments)
        {
            mixed.Add(AttachmentPart.Create(attachment));
        }

        message.Body = mixed;
        return message;
    }

    private static ContentEncoding Encoding(string body, bool eightBit) =>
        eightBit && LongestLine(body) <= MaxLineLength ? ContentEncoding.EightBit : ContentEncoding.QuotedPrintable;

    /// <summary>The longest line of <paramref name="text"/> in UTF-8 bytes, upper bound (3 bytes per UTF-16 unit beyond ASCII).</summary>
    private static int LongestLine(string text)
    {
        int longest = 0, current = 0;
        foreach (char c in text)
        {
            if (c is '\n' or '\r')
            {
                longest = Math.Max(longest, current);
                current = 0;
            }
            else
            {
                current += c < 0x80 ? 1 : 3;
            }
        }

        return Math.Max(longest, current);
    }
}
