using MailMerge.Api;

namespace MailMerge.Tests.Api;

public class ResourceNameTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("umowa-2026_v1.0")]
    [InlineData("0")]
    public void IsValid_accepts_letters_digits_dot_dash_and_underscore(string name) => Assert.True(ResourceName.IsValid(name));

    [Theory]
    [InlineData("nl\n")]
    [InlineData("nl\r\n")]
    [InlineData("nl\r")]
    [InlineData("\nnl")]
    [InlineData("n\nl")]
    [InlineData("")]
    [InlineData("-x")]
    [InlineData("a b")]
    public void IsValid_refuses_line_breaks_anywhere_including_a_final_one(string name) => Assert.False(ResourceName.IsValid(name));

    [Fact]
    public void IsValid_counts_100_characters_without_a_final_line_break()
    {
        Assert.True(ResourceName.IsValid(new string('a', 100)));
        Assert.False(ResourceName.IsValid(new string('a', 101)));
        Assert.False(ResourceName.IsValid(new string('a', 100) + "\n"));
    }
}
