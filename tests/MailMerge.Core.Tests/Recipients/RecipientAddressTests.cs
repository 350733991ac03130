using MailMerge.Recipients;

namespace MailMerge.Tests.Recipients;

public class RecipientAddressTests
{
    [Theory]
    [InlineData("biuro@mikronika.test", "biuro@mikronika.test", null)]
    [InlineData("  Jan.Nowak@Example.TEST ", "Jan.Nowak@Example.TEST", null)]
    [InlineData("\"Kowalski, Jan\" <jan.kowalski@nowakisyn.test>", "jan.kowalski@nowakisyn.test", "Kowalski, Jan")]
    [InlineData("Anna Żak <anna@example.test>", "anna@example.test", "Anna Żak")]
    public void TryParse_accepts_addresses_and_mailboxes(string text, string address, string? name)
    {
        Assert.True(RecipientAddress.TryParse(text, out RecipientAddress? parsed, out _));
        Assert.Equal(address, parsed.Address);
        Assert.Equal(name, parsed.DisplayName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("biuro@@mikroplan.test")]
    [InlineData("no-at-sign.test")]
    [InlineData("user@localhost")]
    [InlineData("user@domain..test")]
    [InlineData("a@b.test, c@d.test")]
    [InlineData("user@exa mple.test")]
    [InlineData("Evil <a@b.test>\r\nBcc: x@y.test")]
    [InlineData("user@-bad.test")]
    [InlineData("\"=?utf-8?q?Evil=0D=0ABcc:_victim@evil.test?=\" <enc1@example.test>")]
    [InlineData("=?utf-8?q?Name=C2=85Next?= <nel@example.test>")]
    public void TryParse_refuses_malformed_addresses_with_a_reason(string text)
    {
        Assert.False(RecipientAddress.TryParse(text, out _, out string? reason));
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void Key_ignores_letter_case()
    {
        Assert.True(RecipientAddress.TryParse("BIURO@MIKRONIKA.TEST", out RecipientAddress? upper, out _));
        Assert.True(RecipientAddress.TryParse("biuro@mikronika.test", out RecipientAddress? lower, out _));
        Assert.Equal(lower.Key, upper.Key);
    }
}
