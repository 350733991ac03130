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

    [Fact]
    public void Validate_names_each_missing_or_bad_imap_setting()
    {
        var options = new SenderOptions();
        options.Accounts["office"] = new SenderAccount
        {
            Host = "smtp.example.test", FromAddress = "office@example.test",
            Imap = new ImapAccount { Host = "", Port = 0, User = "", Password = "", SentFolder = "Sent\r\nA1 DELETE INBOX" },
        };

        ValidateOptionsResult result = new SenderOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["MailMerge:Senders:office:Imap:Host", "MailMerge:Senders:office:Imap:Password", "MailMerge:Senders:office:Imap:Port", "MailMerge:Senders:office:Imap:SentFolder", "MailMerge:Senders:office:Imap:User"],
            result.Failures!.Select(f => f[..f.IndexOf(':', "MailMerge:Senders:office:Imap:".Length)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_accepts_an_account_with_a_complete_imap_mailbox()
    {
        var options = new SenderOptions();
        options.Accounts["office"] = new SenderAccount
        {
            Host = "smtp.example.test", FromAddress = "office@example.test",
            Imap = new ImapAccount { Host = "imap.example.test", User = "office", Password = "s3cret-value" },
        };

        Assert.True(new SenderOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Imap_ToString_never_shows_the_password()
    {
        var imap = new ImapAccount { Host = "imap.example.test", User = "office", Password = "s3cret-value" };
        Assert.DoesNotContain("s3cret-value", imap.ToString(), StringComparison.Ordinal);
    }
}
