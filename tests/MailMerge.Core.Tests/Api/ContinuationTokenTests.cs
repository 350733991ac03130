using MailMerge.Api;

namespace MailMerge.Tests.Api;

public class ContinuationTokenTests
{
    [Theory]
    [InlineData("umowa-2026.html")]
    [InlineData("2!72!MDAwMDE5IXRlbXBsYXRlcy9hLmh0bWwh")]
    [InlineData("c0001 s0000000007")]
    public void IsWellFormed_accepts_what_storage_gives_out(string token) => Assert.True(ContinuationToken.IsWellFormed(token));

    [Theory]
    [InlineData("\0")]
    [InlineData("\uFFFF")]
    [InlineData("a\nb")]
    [InlineData("é")]
    [InlineData("")]
    public void IsWellFormed_refuses_control_characters_non_characters_and_non_ascii(string token) => Assert.False(ContinuationToken.IsWellFormed(token));

    [Fact]
    public void IsWellFormed_refuses_a_token_longer_than_the_limit() =>
        Assert.False(ContinuationToken.IsWellFormed(new string('a', ContinuationToken.MaxLength + 1)));
}
