using MailMerge.Attachments;

namespace MailMerge.Tests.Attachments;

public class AttachmentLimitsTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void Files_within_both_limits_pass()
    {
        Assert.Empty(AttachmentLimits.Check([10 * MB, 10 * MB]));
        Assert.Empty(AttachmentLimits.Check([]));
    }

    [Fact]
    public void A_file_over_10_MB_is_named_by_its_index_with_the_limit()
    {
        Dictionary<string, string> problems = AttachmentLimits.Check([MB, (10 * MB) + 1]);

        Assert.Equal(["attachments[1]"], problems.Keys);
        Assert.Contains("at most 10 MB", problems["attachments[1]"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_sum_over_20_MB_is_named_on_attachments_with_the_sum_and_the_limit()
    {
        Dictionary<string, string> problems = AttachmentLimits.Check([7 * MB, 7 * MB, 7 * MB]);

        Assert.Equal(["attachments"], problems.Keys);
        Assert.Contains("21 MB", problems["attachments"], StringComparison.Ordinal);
        Assert.Contains("at most 20 MB", problems["attachments"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(512, "512 bytes")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(10 * 1024 * 1024, "10 MB")]
    [InlineData(23 * 1024 * 1024 + 300 * 1024, "23.3 MB")]
    public void Describe_writes_sizes_as_people_read_them(long bytes, string expected)
    {
        Assert.Equal(expected, AttachmentLimits.Describe(bytes));
    }
}
