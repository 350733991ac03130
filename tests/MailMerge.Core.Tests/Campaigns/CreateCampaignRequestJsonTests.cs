using System.Text.Json;
using MailMerge.Campaigns;
using MailMerge.Json;

namespace MailMerge.Tests.Campaigns;

public class CreateCampaignRequestJsonTests
{
    [Fact]
    public void Merge_fields_accept_numbers_and_booleans_as_text()
    {
        var request = JsonSerializer.Deserialize<CreateCampaignRequest>(
            """{"recipients":[{"email":"a@example.test","fields":{"n":12.50,"vip":true,"note":null,"Name":"Ala"}}]}""", MailMergeJson.Options)!;

        Dictionary<string, string?> fields = request.Recipients![0].Fields!;
        Assert.Equal("12.50", fields["n"]);
        Assert.Equal("true", fields["vip"]);
        Assert.Null(fields["note"]);
        Assert.Equal("Ala", fields["name"]);
    }

    [Fact]
    public void Merge_fields_refuse_nested_objects_naming_the_field()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CreateCampaignRequest>(
            """{"recipients":[{"email":"a@example.test","fields":{"address":{"city":"Łódź"}}}]}""", MailMergeJson.Options));
        Assert.Contains("'address'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_fields_refuse_a_name_given_twice_in_other_letter_case()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CreateCampaignRequest>(
            """{"recipients":[{"email":"a@example.test","fields":{"n":"1","N":"2"}}]}""", MailMergeJson.Options));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }
}
