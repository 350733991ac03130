using System.Buffers;
using System.Buffers.Text;

namespace MailMerge.Attachments;

/// <summary>Base64 as MIME writes it (RFC 2045): lines of 76 characters, each ending in CRLF.</summary>
public static class Base64Lines
{
    private const int BytesPerLine = 57;
    private const int CharsPerLine = 76;

    /// <summary>Encodes <paramref name="content"/> into base64 lines, in ASCII.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> content)
    {
        int fullLines = content.Length / BytesPerLine;
        int rest = content.Length % BytesPerLine;
        int length = (fullLines * (CharsPerLine + 2)) + (rest == 0 ? 0 : (((rest + 2) / 3) * 4) + 2);
        byte[] encoded = new byte[length];
        Span<byte> output = encoded;
        while (!content.IsEmpty)
        {
            ReadOnlySpan<byte> line = content[..Math.Min(BytesPerLine, content.Length)];
            OperationStatus status = Base64.EncodeToUtf8(line, output, out _, out int written);
            if (status != OperationStatus.Done)
            {
                throw new InvalidOperationException($"Base64 encoding stopped with {status}.");
            }

            output[written] = (byte)'\r';
            output[written + 1] = (byte)'\n';
            output = output[(written + 2)..];
            content = content[line.Length..];
        }

        return encoded;
    }
}
