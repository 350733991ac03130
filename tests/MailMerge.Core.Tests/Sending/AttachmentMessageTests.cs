using System.Text;
using System.Text.RegularExpressions;
using MailMerge.Attachments;
using MailMerge.Sending;
using MailMerge.Templates;
using MimeKit;

namespace MailMerge.Tests.Sending;

public partial class AttachmentMessageTests
{
    private const string PolishName = "Umowa – załącznik nr 1 (Łódź).pdf";

    private static readonly SenderAccount Sender = new() { Host = "h", FromAddress = "biuro@crm-biuro.test", FromName = "Biuro Obsługi Klienta" };

    private static readonly RenderedMessage Content = new("Umowa", "<p>Dzień dobry</p>", "Dzień dobry\n", []);

    private static byte[] Bytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static MessageAttachment Attachment(string fileName, string contentType, byte[] bytes) =>
        new(fileName, contentType, bytes.Length, Base64Lines.Encode(bytes));

    private static byte[] Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        return stream.ToArray();
    }

    private static MimeMessage Parse(byte[] raw) => MimeMessage.Load(new MemoryStream(raw));

    private static MimeMessage Create(params MessageAttachment[] attachments) =>
        MessageFactory.Create(Sender, "a@example.test", null, Content, "id@crm-biuro.test", DateTimeOffset.UnixEpoch, attachments: attachments);

    private static byte[] Decoded(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    /// <summary>A header of the part whose Content-Type names <paramref name="mediaType"/>, unfolded, from the raw message text.</summary>
    private static string RawHeader(string raw, string mediaType, string header)
    {
        string block = raw.Split("\r\n\r\n").First(b => b.Contains("Content-Type: " + mediaType, StringComparison.Ordinal));
        string unfolded = Folding().Replace(block, " ");
        return unfolded.Split("\r\n").Single(l => l.StartsWith(header + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_with_attachments_nests_the_alternative_in_multipart_mixed_and_carries_each_file_once_in_order()
    {
        MimeMessage message = Create(
            Attachment("umowa.pdf", "application/pdf", Bytes(1000, 1)),
            Attachment("cennik.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Bytes(10, 2)));

        MimeMessage parsed = Parse(Serialize(message));

        var mixed = Assert.IsType<Multipart>(parsed.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.Equal(3, mixed.Count);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal(["umowa.pdf", "cennik.xlsx"], parsed.Attachments.OfType<MimePart>().Select(p => p.FileName));
        Assert.Equal(["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], mixed.Skip(1).Select(p => p.ContentType.MimeType));
        Assert.All(mixed.Skip(1).Cast<MimePart>(), p => Assert.True(p.IsAttachment));
        Assert.Contains("Dzień dobry", parsed.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_without_attachments_stays_a_bare_multipart_alternative()
    {
        MimeMessage parsed = Parse(Serialize(Create()));

        Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Empty(parsed.Attachments);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(56)]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(114)]
    [InlineData(100_003)]
    public void Attachment_bytes_come_back_byte_for_byte_from_the_serialized_message(int length)
    {
        byte[] original = Bytes(length, length);

        MimeMessage parsed = Parse(Serialize(Create(Attachment("plik.bin", "application/octet-stream", original))));

        MimePart part = Assert.Single(parsed.Attachments.OfType<MimePart>());
        Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding);
        Assert.Equal(original, Decoded(part));
    }

    [Fact]
    public void A_polish_file_name_goes_out_as_rfc2231_filename_and_rfc2047_name_and_parses_back_intact()
    {
        byte[] original = Bytes(3000, 3);
        byte[] raw = Serialize(Create(Attachment(PolishName, "application/pdf", original)));
        string text = Encoding.ASCII.GetString(raw);

        // The message is 7-bit: every non-ASCII letter of the name is encoded.
        Assert.All(raw, b => Assert.True(b < 128));

        // Content-Disposition: filename*=utf-8''… (RFC 2231; MimeKit may split a long value into filename*0*, filename*1*, …).
        string disposition = RawHeader(text, "application/pdf", "Content-Disposition");
        Assert.StartsWith("Content-Disposition: attachment;", disposition, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"filename=""?=\?", disposition);
        MatchCollection pieces = Rfc2231Piece().Matches(disposition);
        Assert.NotEmpty(pieces);
        string joined = string.Concat(pieces.Select(m => m.Groups["value"].Value));
        Assert.StartsWith("utf-8''", joined, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PolishName, Uri.UnescapeDataString(joined["utf-8''".Length..]));

        // Content-Type: name="=?utf-8?…?=" (RFC 2047 encoded words, the form Outlook reads).
        string type = RawHeader(text, "application/pdf", "Content-Type");
        Match name = Rfc2047Name().Match(type);
        Assert.True(name.Success, type);
        Assert.Contains("=?utf-8?", name.Groups["value"].Value, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PolishName, MimeKit.Utils.Rfc2047.DecodeText(Encoding.ASCII.GetBytes(name.Groups["value"].Value)));

        MimePart part = Assert.Single(Parse(raw).Attachments.OfType<MimePart>());
        Assert.Equal(PolishName, part.ContentDisposition!.FileName);
        Assert.Equal(PolishName, part.ContentType.Name);
        Assert.Equal(original, Decoded(part));
    }

    [Fact]
    public void An_ascii_file_name_goes_out_plain_in_both_headers()
    {
        string text = Encoding.ASCII.GetString(Serialize(Create(Attachment("report-2026.pdf", "application/pdf", Bytes(10, 4)))));

        Assert.Contains("filename=report-2026.pdf", RawHeader(text, "application/pdf", "Content-Disposition"), StringComparison.Ordinal);
        Assert.Contains("name=report-2026.pdf", RawHeader(text, "application/pdf", "Content-Type"), StringComparison.Ordinal);
        Assert.DoesNotContain("filename*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_attachment_keeps_its_charset_beside_the_name()
    {
        MimeMessage parsed = Parse(Serialize(Create(Attachment("Lista płac.csv", "text/csv; charset=utf-8", Encoding.UTF8.GetBytes("imię;nazwisko\r\nŁucja;Żak\r\n")))));

        MimePart part = Assert.Single(parsed.Attachments.OfType<MimePart>());
        Assert.Equal("utf-8", part.ContentType.Charset);
        Assert.Equal("Lista płac.csv", part.FileName);
        Assert.Equal("imię;nazwisko\r\nŁucja;Żak\r\n", Encoding.UTF8.GetString(Decoded(part)));
    }

    [Fact]
    public void Messages_built_at_once_from_one_shared_attachment_each_carry_all_of_it()
    {
        byte[] original = Bytes(200_000, 5);
        MessageAttachment shared = Attachment("umowa.pdf", "application/pdf", original);

        byte[][] raws = Enumerable.Range(0, 8).AsParallel().Select(_ => Serialize(Create(shared))).ToArray();

        Assert.All(raws, raw => Assert.Equal(original, Decoded(Assert.Single(Parse(raw).Attachments.OfType<MimePart>()))));
    }

    [Fact]
    public void Measure_gives_the_size_the_message_has_on_the_wire()
    {
        MimeMessage message = Create(Attachment("umowa.pdf", "application/pdf", Bytes(50_000, 6)));

        Assert.Equal(Serialize(message).Length, ServerSizeLimit.Measure(message));
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex Folding();

    [GeneratedRegex(@"filename\*(?:\d+\*?)?=(?<value>[^;\s]+)")]
    private static partial Regex Rfc2231Piece();

    [GeneratedRegex(@";\s*name=""(?<value>[^""]+)""")]
    private static partial Regex Rfc2047Name();
}
