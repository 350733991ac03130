using MailMerge.Attachments;

namespace MailMerge.Tests.Attachments;

public class AttachmentMediaTypeTests
{
    [Theory]
    [InlineData("application/pdf", "x.bin", "application/pdf")]
    [InlineData("Application/PDF", "x.bin", "application/pdf")]
    [InlineData("text/csv; charset=utf-8; name=\"other.csv\"", "x.csv", "text/csv; charset=utf-8")]
    [InlineData(null, "Umowa (Łódź).pdf", "application/pdf")]
    [InlineData("", "cennik.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData(null, "bez-rozszerzenia", "application/octet-stream")]
    public void The_upload_type_is_kept_or_taken_from_the_file_name(string? header, string fileName, string expected)
    {
        Assert.True(AttachmentMediaType.TryResolve(header, fileName, out string type, out string reason), reason);
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "file's own media type")]
    [InlineData("multipart/mixed; boundary=x", "file's own media type")]
    [InlineData("message/rfc822", "file's own media type")]
    [InlineData("not a type", "not a media type")]
    public void Form_container_and_malformed_types_are_refused_with_the_reason(string header, string expected)
    {
        Assert.False(AttachmentMediaType.TryResolve(header, "x.pdf", out _, out string reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("application/vnd.ms-excel.sheet.macroEnabled.12")]
    [InlineData("image/svg+xml")]
    public void Restricted_names_are_accepted(string header) => Assert.True(AttachmentMediaType.TryResolve(header, "x", out _, out string reason), reason);

    [Fact]
    public void A_type_or_subtype_over_127_characters_is_refused()
    {
        Assert.True(AttachmentMediaType.TryResolve("a/" + new string('b', 127), "x", out _, out _));
        Assert.False(AttachmentMediaType.TryResolve("a/" + new string('b', 128), "x", out _, out string reason));
        Assert.Contains("RFC 6838", reason, StringComparison.Ordinal);
        Assert.False(AttachmentMediaType.TryResolve(new string('a', 128) + "/b", "x", out _, out _));
        Assert.False(AttachmentMediaType.TryResolve("a/" + new string('b', 5000), "x", out _, out _));
    }

    [Theory]
    [InlineData("text/plain; charset=\"x\r\nX-Evil: 1\"")]
    [InlineData("text/plain; charset=\"utf-8 X-Evil: 1\"")]
    [InlineData("text/plain; charset=\"a;b\"")]
    public void A_charset_that_is_not_a_charset_name_is_refused(string header)
    {
        Assert.False(AttachmentMediaType.TryResolve(header, "x.txt", out _, out string reason));
        Assert.Contains("charset", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_other_than_the_charset_are_dropped() =>
        Assert.True(AttachmentMediaType.TryResolve("text/plain; format=flowed; x-evil=\"a b\"; charset=ISO-8859-2", "x.txt", out string type, out _) && type == "text/plain; charset=iso-8859-2");
}
