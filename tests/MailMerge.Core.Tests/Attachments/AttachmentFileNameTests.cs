using MailMerge.Attachments;

namespace MailMerge.Tests.Attachments;

public class AttachmentFileNameTests
{
    [Theory]
    [InlineData("Umowa – załącznik nr 1 (Łódź).pdf", "Umowa – załącznik nr 1 (Łódź).pdf")]
    [InlineData("  Cennik 2026.xlsx ", "Cennik 2026.xlsx")]
    [InlineData("\"cudzysłów\"; i średnik.txt", "\"cudzysłów\"; i średnik.txt")]
    public void A_plain_file_name_is_kept_with_its_letters_and_trimmed(string raw, string expected)
    {
        Assert.True(AttachmentFileName.TryNormalize(raw, out string name, out string reason), reason);
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("", "Give a file name")]
    [InlineData("   ", "Give a file name")]
    [InlineData("umowa\r\nBcc: x@y.test.pdf", "control characters")]
    [InlineData("a\tb.pdf", "control characters")]
    [InlineData("../../etc/passwd", "'/'")]
    [InlineData("C:\\umowa.pdf", "'/'")]
    [InlineData("..", "not '.'")]
    public void A_name_that_is_empty_breaks_a_header_or_is_a_path_is_refused_with_the_reason(string raw, string expected)
    {
        Assert.False(AttachmentFileName.TryNormalize(raw, out _, out string reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_over_200_characters_is_refused()
    {
        Assert.True(AttachmentFileName.TryNormalize(new string('ż', 196) + ".pdf", out _, out _));
        Assert.False(AttachmentFileName.TryNormalize(new string('ż', 197) + ".pdf", out _, out string reason));
        Assert.Contains("200", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("umowa\u2028Bcc.pdf", "separators")]
    [InlineData("umowa\u2029.pdf", "separators")]
    [InlineData("faktura\u202Etxt.exe", "direction controls")]
    [InlineData("\u202Aa.pdf", "direction controls")]
    [InlineData("a\u2066b\u2069.pdf", "direction controls")]
    [InlineData("a\u200Fb.pdf", "direction controls")]
    public void A_name_with_separators_direction_controls_or_broken_text_is_refused(string raw, string expected)
    {
        Assert.False(AttachmentFileName.TryNormalize(raw, out _, out string reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_half_a_surrogate_pair_is_refused()
    {
        Assert.False(AttachmentFileName.TryNormalize("a" + (char)0xD800 + "b.pdf", out _, out string reason));
        Assert.Contains("not valid Unicode", reason, StringComparison.Ordinal);
        Assert.True(AttachmentFileName.TryNormalize("a\U0001F600b.pdf", out _, out _));
    }

    [Theory]
    [InlineData("Umowa%20%C5%81%C3%B3d%C5%BA.pdf", "Umowa Łódź.pdf")]
    [InlineData("a+b.pdf", "a b.pdf")]
    [InlineData("plain.pdf", "plain.pdf")]
    public void A_query_value_is_decoded_as_percent_encoded_utf8(string raw, string expected)
    {
        Assert.True(AttachmentFileName.TryDecodeQueryValue(raw, out string value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("%C3%28.pdf")]
    [InlineData("%FF.pdf")]
    [InlineData("a%2")]
    [InlineData("a%zz.pdf")]
    public void A_query_value_that_is_not_percent_encoded_utf8_is_refused(string raw) =>
        Assert.False(AttachmentFileName.TryDecodeQueryValue(raw, out _));
}
