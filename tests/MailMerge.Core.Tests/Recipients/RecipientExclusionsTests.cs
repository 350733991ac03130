using MailMerge.Recipients;

namespace MailMerge.Core.Tests.Recipients;

public class RecipientExclusionsTests
{
    [Fact]
    public void An_address_entry_excludes_that_address_in_any_letter_case()
    {
        RecipientExclusions exclusions = RecipientExclusions.Create(["Jan@Firma.test"], out var errors);

        Assert.Empty(errors);
        Assert.True(exclusions.Excludes("jan@firma.TEST", out string? reason));
        Assert.Contains("exclusion list", reason, StringComparison.Ordinal);
        Assert.False(exclusions.Excludes("anna@firma.test", out _));
    }

    [Theory]
    [InlineData("gmail.test")]
    [InlineData("@gmail.test")]
    public void A_domain_entry_excludes_the_domain_and_its_subdomains(string entry)
    {
        RecipientExclusions exclusions = RecipientExclusions.Create([entry], out _);

        Assert.True(exclusions.Excludes("mkam@GMAIL.test", out string? reason));
        Assert.Equal("The domain gmail.test is on the exclusion list.", reason);
        Assert.True(exclusions.Excludes("x@mail.gmail.test", out _));
        Assert.False(exclusions.Excludes("x@notgmail.test", out _));
    }

    [Fact]
    public void Malformed_entries_are_reported_by_index_and_the_rest_kept()
    {
        RecipientExclusions exclusions = RecipientExclusions.Create(["ok@firma.test", "not an entry", "a@@b.test", "nodot"], out var errors);

        Assert.Equal([1, 2, 3], errors.Keys.Order());
        Assert.True(exclusions.Excludes("ok@firma.test", out _));
        Assert.Equal(1, exclusions.Count);
    }
}
