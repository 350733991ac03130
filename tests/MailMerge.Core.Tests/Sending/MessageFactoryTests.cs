using MailMerge.Sending;
using MailMerge.Templates;
using MimeKit;

namespace MailMerge.Tests.Sending;

public class MessageFactoryTests
{
    private static readonly SenderAccount Sender = new() { Host = "h", FromAddress = "biuro@crm-biuro.test", FromName = "Biuro Obsługi Klienta" };

    private static string Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        return System.Text.Encoding.ASCII.GetString(stream.ToArray());
    }

    [Fact]
    public void Create_quotes_a_display_name_holding_a_comma()
    {
        var content = new RenderedMessage("s", "<p>x</p>", "x\n", []);
        string raw = Serialize(MessageFactory.Create(Sender, "jan.kowalski@nowakisyn.test", "Kowalski, Jan", content, "id@crm-biuro.test", DateTimeOffset.UnixEpoch));

        Assert.Contains("To: \"Kowalski, Jan\" <jan.kowalski@nowakisyn.test>\r\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_encodes_a_polish_subject_in_utf8_that_decodes_intact()
    {
        var content = new RenderedMessage("Zmiana rachunku – Łódź, Żółć", "<p>x</p>", "x\n", []);
        MimeMessage message = MessageFactory.Create(Sender, "a@example.test", null, content, "id@crm-biuro.test", DateTimeOffset.UnixEpoch);
        string raw = Serialize(message);

        string subjectLine = raw.Split("\r\n").Single(l => l.StartsWith("Subject:", StringComparison.Ordinal));
        Assert.Contains("=?utf-8?", subjectLine, StringComparison.OrdinalIgnoreCase);
        Assert.All(raw, c => Assert.True(c < 128));
        MimeMessage parsed = MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(raw)));
        Assert.Equal("Zmiana rachunku – Łódź, Żółć", parsed.Subject);
    }

    [Fact]
    public void Create_sends_text_and_html_alternatives_with_no_line_over_998_characters()
    {
        string longLine = "<p>" + string.Concat(Enumerable.Repeat("Dzień dobry, ", 800)) + "</p>";
        var content = new RenderedMessage("s", longLine, HtmlToText.Convert(longLine), []);
        MimeMessage message = MessageFactory.Create(Sender, "a@example.test", null, content, "c1.s0000000001@crm-biuro.test", DateTimeOffset.UnixEpoch);
        string raw = Serialize(message);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 998, $"line of {line.Length} characters"));
        Assert.Equal("c1.s0000000001@crm-biuro.test", message.MessageId);
        Assert.Contains("Biuro Obsługi Klienta", message.From.Mailboxes.Single().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageId_is_stable_per_campaign_and_row_and_uses_the_sender_domain()
    {
        Assert.Equal("c1.s0000000003@crm-biuro.test", MessageFactory.MessageId("c1", "s0000000003", "biuro@crm-biuro.test"));
        Assert.NotEqual(MessageFactory.MessageId("c1", "s0000000003", "a@b.test"), MessageFactory.MessageId("c2", "s0000000003", "a@b.test"));
    }

    [Fact]
    public void Create_sends_8bit_when_the_server_allows_it_and_lines_fit_and_quoted_printable_otherwise()
    {
        var shortLines = new RenderedMessage("s", "<p>Łódź</p>\n<p>ok</p>", "Łódź\nok\n", []);
        var longLine = new RenderedMessage("s", "<p>" + new string('x', 1200) + "</p>", "x\n", []);

        var eightBit = (MultipartAlternative)MessageFactory.Create(Sender, "a@example.test", null, shortLines, "i@x.test", DateTimeOffset.UnixEpoch, eightBit: true).Body!;
        var mixed = (MultipartAlternative)MessageFactory.Create(Sender, "a@example.test", null, longLine, "i@x.test", DateTimeOffset.UnixEpoch, eightBit: true).Body!;
        var plain = (MultipartAlternative)MessageFactory.Create(Sender, "a@example.test", null, shortLines, "i@x.test", DateTimeOffset.UnixEpoch).Body!;

        Assert.All(eightBit.Cast<TextPart>(), p => Assert.Equal(ContentEncoding.EightBit, p.ContentTransferEncoding));
        Assert.Equal(ContentEncoding.EightBit, ((TextPart)mixed[0]).ContentTransferEncoding);
        Assert.Equal(ContentEncoding.QuotedPrintable, ((TextPart)mixed[1]).ContentTransferEncoding);
        Assert.All(plain.Cast<TextPart>(), p => Assert.Equal(ContentEncoding.QuotedPrintable, p.ContentTransferEncoding));
    }

    [Fact]
    public void Create_adds_one_click_unsubscribe_headers_when_the_campaign_has_a_url()
    {
        var content = new RenderedMessage("s", "<p>x</p>", "x\n", [], "https://crm.test/u?c=1");
        MimeMessage message = MessageFactory.Create(Sender, "a@example.test", null, content, "i@x.test", DateTimeOffset.UnixEpoch);

        Assert.Equal("<https://crm.test/u?c=1>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Null(MessageFactory.Create(Sender, "a@example.test", null, content with { UnsubscribeUrl = null }, "i@x.test", DateTimeOffset.UnixEpoch).Headers[HeaderId.ListUnsubscribe]);
    }
}
