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
}
