using MailMerge.Campaigns;
using MailMerge.Sending;

namespace MailMerge.Tests.Campaigns;

public class ArchiveFolderNameTests
{
    private static readonly Dictionary<string, SenderAccount> Senders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["office"] = new SenderAccount { Host = "smtp.example.test", FromAddress = "office@example.test" },
    };

    [Theory]
    [InlineData("bank-account")]
    [InlineData("2026/bank-account")]
    [InlineData("a/b/c/d/e/f/g/h")]
    [InlineData("Faktury_2026.12/v1.0")]
    public void Check_accepts_levels_of_letters_digits_dash_underscore_and_dot(string folder) =>
        Assert.Null(ArchiveFolderName.Check(folder));

    [Theory]
    [InlineData(null, "Give the folder")]
    [InlineData("", "Give the folder")]
    [InlineData("/2026", "empty level")]
    [InlineData("2026/", "empty level")]
    [InlineData("2026//x", "empty level")]
    [InlineData("../x", "starts with a letter or digit")]
    [InlineData("./x", "starts with a letter or digit")]
    [InlineData("x/..", "starts with a letter or digit")]
    [InlineData("x.", "does not end with '.'")]
    [InlineData("-x", "starts with a letter or digit")]
    [InlineData("a b", "may hold only")]
    [InlineData("a\\b", "may hold only")]
    [InlineData("a?b", "may hold only")]
    [InlineData("październik", "may hold only")]
    [InlineData("a/b/c/d/e/f/g/h/i", "more than 8 levels")]
    public void Check_names_the_rule_a_folder_breaks(string? folder, string reason) =>
        Assert.Contains(reason, ArchiveFolderName.Check(folder), StringComparison.Ordinal);

    [Fact]
    public void Check_limits_the_length_of_the_folder_and_of_each_level()
    {
        Assert.Null(ArchiveFolderName.Check(new string('a', 63)));
        Assert.Contains("63", ArchiveFolderName.Check(new string('a', 64)), StringComparison.Ordinal);
        Assert.Contains("200", ArchiveFolderName.Check(string.Join('/', Enumerable.Repeat(new string('a', 50), 4)) + "/x"), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_names_archive_folder_when_the_archive_is_on_without_a_usable_folder()
    {
        Assert.Equal(["archive.folder"], Validate(new ArchiveOption(Enabled: true)).Keys);
        Assert.Equal(["archive.folder"], Validate(new ArchiveOption(Folder: "a b")).Keys);
        Assert.Equal(["archive.folder"], Validate(new ArchiveOption(Enabled: false, Folder: "../x")).Keys);
        Assert.Empty(Validate(new ArchiveOption(Enabled: false)));
        Assert.Empty(Validate(new ArchiveOption(Folder: "2026/bank-account")));
        Assert.Empty(Validate(null));
    }

    private static Dictionary<string, List<string>> Validate(ArchiveOption? archive) =>
        CampaignRequestValidator.Validate(
            new CreateCampaignRequest
            {
                Name = "n", Subject = "s", Body = "<p>b</p>", Sender = "office", Recipients = [new InlineRecipient("a@example.test", null)], Archive = archive,
            },
            Senders);
}
