using MailMerge.Sending;
using Microsoft.Extensions.Options;

namespace MailMerge.Tests.Sending;

public class SenderOptionsValidatorTests
{
    [Fact]
    public void Validate_names_the_setting_that_is_missing()
    {
        var options = new SenderOptions();
        options.Accounts["office"] = new SenderAccount { Host = "", FromAddress = "not-an-address", User = "u" };

        ValidateOptionsResult result = new SenderOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("MailMerge:Senders:office:Host", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("MailMerge:Senders:office:FromAddress", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("MailMerge:Senders:office:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_never_shows_the_password()
    {
        var account = new SenderAccount { Host = "smtp.example.test", User = "u", Password = "s3cret-value", FromAddress = "a@example.test" };
        Assert.DoesNotContain("s3cret-value", account.ToString(), StringComparison.Ordinal);
    }
}
