using MailKit.Net.Smtp;
using MailMerge.Attachments;
using MimeKit;
using MimeKit.IO;

namespace MailMerge.Sending;

/// <summary>
/// Checks a message with attachments against the largest message the SMTP server announced (EHLO SIZE, RFC 1870),
/// so that a message the server would refuse is not sent and the reason names both sizes.
/// </summary>
public static class ServerSizeLimit
{
    /// <summary>Why the server cannot take <paramref name="message"/>, or null when it can (or announced no limit).</summary>
    public static string? Refusal(SmtpClient client, MimeMessage message, SenderAccount account, bool hasAttachments)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(account);

        // Without attachments a message is a few KB; measuring it would only cost time.
        if (!hasAttachments || !client.Capabilities.HasFlag(SmtpCapabilities.Size) || client.MaxSize == 0)
        {
            return null;
        }

        long size = Measure(message);
        return size <= client.MaxSize
            ? null
            : $"The message with its attachments is {AttachmentLimits.Describe(size)} ({size} bytes); the SMTP server {account.Host}:{account.Port} " +
              $"takes at most {AttachmentLimits.Describe(client.MaxSize)} ({client.MaxSize} bytes, the SIZE it announces). Send smaller or fewer attachments.";
    }

    /// <summary>The message's size as SMTP transmits it (CRLF line ends).</summary>
    public static long Measure(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        FormatOptions options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var measure = new MeasuringStream();
        message.WriteTo(options, measure);
        return measure.Length;
    }
}
