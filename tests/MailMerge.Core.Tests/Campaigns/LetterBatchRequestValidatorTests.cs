using MailMerge.LetterBatches;

namespace MailMerge.Tests.Campaigns;

public class LetterBatchRequestValidatorTests
{
    private static CreateLetterBatchRequest Valid() => new()
    {
        Subject = "Umowa", Template = "umowa", DeliveryMethod = "registered",
        Recipients = [new Dictionary<string, string?> { ["name"] = "Jan" }],
        RegisteredNumbers = new RegisteredNumbersRequest("registered", null, null, null),
        Journal = new JournalRequest("KOR", "2026-12-01"),
    };

    [Fact]
    public void Validate_accepts_a_complete_request() => Assert.Empty(LetterBatchRequestValidator.Validate(Valid()));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Validate_refuses_names_with_a_final_line_break(string end)
    {
        CreateLetterBatchRequest request = Valid() with
        {
            Template = "umowa" + end,
            RegisteredNumbers = new RegisteredNumbersRequest("m" + end, null, null, null),
            Journal = new JournalRequest("KOR" + end, "2026-12-01"),
        };
        Assert.Equal(["journal.name", "registeredNumbers.counter", "template"], LetterBatchRequestValidator.Validate(request).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Validate_refuses_a_recipient_list_name_with_a_final_line_break(string end)
    {
        CreateLetterBatchRequest request = Valid() with { Recipients = null, RecipientList = "lista" + end };
        Assert.Equal(["recipientList"], LetterBatchRequestValidator.Validate(request).Keys);
    }
}
