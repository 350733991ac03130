using MailMerge.Campaigns;
using MailMerge.Sending;

namespace MailMerge.Tests.Campaigns;

public class CampaignRequestValidatorTests
{
    private static readonly Dictionary<string, SenderAccount> Senders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["office"] = new SenderAccount { Host = "smtp.example.test", FromAddress = "office@example.test" },
    };

    [Fact]
    public void Validate_accepts_a_complete_request()
    {
        var request = new CreateCampaignRequest
        {
            Name = "n", Subject = "s", Body = "<p>b</p>", Sender = "office",
            Recipients = [new InlineRecipient("a@example.test", null)], PacketSize = 5, IntervalSeconds = 2, ErrorLimit = 0,
        };
        Assert.Empty(CampaignRequestValidator.Validate(request, Senders));
    }

    [Fact]
    public void Validate_lists_every_invalid_field_at_once()
    {
        var request = new CreateCampaignRequest
        {
            Name = " ", Subject = "a\nb", Body = "x", BodyTemplate = "y", Sender = "nobody",
            PacketSize = 0, IntervalSeconds = -1, ErrorLimit = -2,
        };
        Dictionary<string, List<string>> errors = CampaignRequestValidator.Validate(request, Senders);

        Assert.Equal(
            ["bodyTemplate", "errorLimit", "intervalSeconds", "name", "packetSize", "recipients", "sender", "subject"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("office", errors["sender"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_both_inline_recipients_and_a_list()
    {
        var request = new CreateCampaignRequest
        {
            Name = "n", Subject = "s", Body = "b", Sender = "office",
            Recipients = [new InlineRecipient("a@example.test", null)], RecipientList = "clients",
        };
        Assert.Contains("recipientList", CampaignRequestValidator.Validate(request, Senders).Keys);
    }

    [Theory]
    [InlineData("http://crm.test/u")]
    [InlineData("https://crm.test/u?c={{ a }} x")]
    [InlineData("https://crm.test/<u>")]
    public void Validate_refuses_an_unsubscribe_url_that_is_not_plain_https(string url)
    {
        var request = new CreateCampaignRequest
        {
            Name = "n", Subject = "s", Body = "b", Sender = "office", Recipients = [new InlineRecipient("a@example.test", null)], UnsubscribeUrl = url,
        };
        Assert.Contains("unsubscribeUrl", CampaignRequestValidator.Validate(request, Senders).Keys);
    }

    [Fact]
    public void Validate_names_each_attachment_that_is_not_a_resource_name_or_is_listed_twice()
    {
        var request = new CreateCampaignRequest
        {
            Name = "n", Subject = "s", Body = "<p>b</p>", Sender = "office", Recipients = [new InlineRecipient("a@example.test", null)],
            Attachments = ["umowa", "../etc", null, "umowa", "cennik"],
        };
        Dictionary<string, List<string>> errors = CampaignRequestValidator.Validate(request, Senders);

        Assert.Equal(["attachments[1]", "attachments[2]", "attachments[3]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("listed twice", errors["attachments[3]"][0], StringComparison.Ordinal);
        Assert.Contains("PUT /api/attachments", errors["attachments[1]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_more_than_ten_attachments()
    {
        var request = new CreateCampaignRequest
        {
            Name = "n", Subject = "s", Body = "<p>b</p>", Sender = "office", Recipients = [new InlineRecipient("a@example.test", null)],
            Attachments = Enumerable.Range(0, 11).Select(i => (string?)$"plik{i}").ToList(),
        };

        Assert.Equal(["attachments"], CampaignRequestValidator.Validate(request, Senders).Keys);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Validate_refuses_attachment_names_and_archive_folders_with_a_final_line_break(string end)
    {
        var request = new CreateCampaignRequest
        {
            Name = "n", Subject = "s", Body = "<p>b</p>", Sender = "office", Recipients = [new InlineRecipient("a@example.test", null)],
            Attachments = ["umowa" + end], Archive = new ArchiveOption(Folder: "2026/bank" + end),
        };

        Assert.Equal(["archive.folder", "attachments[0]"], CampaignRequestValidator.Validate(request, Senders).Keys.Order(StringComparer.Ordinal));
    }
}
