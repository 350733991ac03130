using MailKit.Net.Smtp;
using MimeKit;

namespace MailMerge.Sending;

/// <summary>
/// An SMTP client that can keep the bytes of each message exactly as they went to the server. MailKit measures a
/// message before it sends it whenever the send is given a transfer progress (the packet sender always gives one),
/// the server announces SIZE, or it uses BDAT; it writes the message with the format options of the transfer (CRLF
/// line ends, the encodings it prepared for the server's extensions, hidden Bcc). With <see cref="KeepCopies"/> that
/// measuring pass writes to a buffer instead, so the copy costs no second serialization and is byte for byte what
/// the DATA (or BDAT) command carried, before the dot-stuffing of the transport.
/// </summary>
public sealed class SentCopySmtpClient : SmtpClient
{
    private MemoryStream? lastCopy;
    private MimeMessage? lastMessage;

    /// <summary>True: keep each message's bytes for <see cref="TakeCopy"/>.</summary>
    public bool KeepCopies { get; set; }

    /// <summary>
    /// The bytes of <paramref name="sent"/> as they went to the server, once; empty when no copy of that message was
    /// kept (never the copy of another message).
    /// </summary>
    public ReadOnlyMemory<byte> TakeCopy(MimeMessage sent)
    {
        MemoryStream? copy = ReferenceEquals(sent, lastMessage) ? lastCopy : null;
        lastCopy = null;
        lastMessage = null;
        return copy is null ? ReadOnlyMemory<byte>.Empty : copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    /// <inheritdoc />
    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken)
    {
        if (!KeepCopies)
        {
            return base.GetSize(options, message, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(message);
        MemoryStream buffer = NewBuffer();
        message.WriteTo(options, buffer, cancellationToken);
        (lastCopy, lastMessage) = (buffer, message);
        return buffer.Length;
    }

    /// <inheritdoc />
    protected override async Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken)
    {
        if (!KeepCopies)
        {
            return await base.GetSizeAsync(options, message, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(message);
        MemoryStream buffer = NewBuffer();
        await message.WriteToAsync(options, buffer, cancellationToken);
        (lastCopy, lastMessage) = (buffer, message);
        return buffer.Length;
    }

    /// <summary>A fresh buffer each time: the previous copy may still be on its way to the archive.</summary>
    private MemoryStream NewBuffer()
    {
        (lastCopy, lastMessage) = (null, null);
        return new MemoryStream(8 * 1024);
    }
}
