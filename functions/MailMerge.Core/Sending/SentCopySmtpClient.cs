using MailKit.Net.Smtp;
using MimeKit;

namespace MailMerge.Sending;

/// <summary>
/// An SMTP client that can keep the bytes of each message exactly as they went to the server. MailKit measures a
/// message before it sends it by writing it with the format options of the transfer (CRLF line ends, the encodings
/// it prepared for the server's extensions, hidden Bcc); with <see cref="KeepCopies"/> that measuring pass writes
/// to a buffer instead, so the copy costs no second serialization and is byte for byte what the DATA (or BDAT)
/// command carried, before the dot-stuffing of the transport.
/// </summary>
public sealed class SentCopySmtpClient : SmtpClient
{
    private MemoryStream? lastCopy;

    /// <summary>True: keep each message's bytes for <see cref="TakeCopy"/>.</summary>
    public bool KeepCopies { get; set; }

    /// <summary>The bytes of the message last sent (once; the next call gives an empty copy until another message is sent).</summary>
    public ReadOnlyMemory<byte> TakeCopy()
    {
        MemoryStream? copy = lastCopy;
        lastCopy = null;
        return copy is null ? ReadOnlyMemory<byte>.Empty : copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    /// <inheritdoc />
    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken)
    {
        if (!KeepCopies)
        {
            return base.GetSize(options, message, cancellationToken);
        }

        var buffer = new MemoryStream(8 * 1024);
        message.WriteTo(options, buffer, cancellationToken);
        lastCopy = buffer;
        return buffer.Length;
    }
}
