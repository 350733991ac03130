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
}
