using MailMerge.Campaigns;
using MailMerge.Contacts;
using MailMerge.LetterBatches;
using MailMerge.Recipients;
using MailMerge.Sending;

namespace MailMerge.Tests.Recipients;

public class MergeFieldLimitsTests
{
    private static readonly Dictionary<string, SenderAccount> Senders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["office"] = new SenderAccount { Host = "smtp.example.test", FromAddress = "office@example.test" },
    };

    [Fact]
    public void Check_names_the_field_whose_value_is_over_the_limit()
    {
        var fields = new Dictionary<string, string?> { ["name"] = "Jan", ["note"] = new string('x', MergeFieldLimits.MaxValueLength + 1) };
        Assert.Contains("at most 32000", MergeFieldLimits.Check(fields, out string? field), StringComparison.Ordinal);
        Assert.Equal("note", field);
    }

    [Fact]
    public void Check_counts_the_fields_as_stored_so_many_values_that_each_fit_can_together_be_too_large()
    {
        var fields = Enumerable.Range(0, 5).ToDictionary(i => $"f{i}", _ => (string?)new string('x', 7_000));
        Assert.Contains("as stored", MergeFieldLimits.Check(fields, out string? field), StringComparison.Ordinal);
        Assert.Null(field);

        // Letters outside ASCII are stored as \uXXXX escapes: 6,000 of them take 36,000 characters.
        Assert.NotNull(MergeFieldLimits.Check(new Dictionary<string, string?> { ["note"] = new string('ą', 6_000) }, out _));
        Assert.Null(MergeFieldLimits.Check(new Dictionary<string, string?> { ["note"] = new string('x', 31_000) }, out _));
    }

    [Fact]
    public void Build_reports_a_recipient_whose_fields_do_not_fit_in_a_row_as_invalid_without_storing_them()
    {
        var inputs = new[]
        {
            new RecipientInput(1, "a@example.test", new Dictionary<string, string> { ["note"] = new string('x', 40_000) }),
            new RecipientInput(2, "b@example.test", new Dictionary<string, string> { ["note"] = "ok" }),
        };
        RecipientIntake intake = RecipientIntakeBuilder.Build("c1", inputs);

        RecipientRow skipped = Assert.Single(intake.Skipped);
        Assert.Equal(nameof(RecipientStatus.Invalid), skipped.Status);
        Assert.Contains("'note'", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal("{}", skipped.FieldsJson);
        Assert.Equal("b@example.test", Assert.Single(intake.Sendable).Email);
    }

    [Fact]
    public void Validate_names_the_inline_recipients_field_that_is_too_long()
    {
        var request = new CreateCampaignRequest
        {
            Name = "n", Subject = "s", Body = "<p>b</p>", Sender = "office",
            Recipients = [new InlineRecipient("a@example.test", null), new InlineRecipient("b@example.test", new() { ["note"] = new string('x', 40_000) })],
        };
        Assert.Equal(["recipients[1].fields.note"], CampaignRequestValidator.Validate(request, Senders).Keys);
    }

    [Fact]
    public void Letter_batch_validate_names_the_inline_recipients_field_that_is_too_long()
    {
        var request = new CreateLetterBatchRequest
        {
            Subject = "Umowa", Template = "umowa", DeliveryMethod = "ordinary",
            Recipients = [new Dictionary<string, string?> { ["note"] = new string('x', 40_000) }],
        };
        Assert.Equal(["recipients[0].fields.note"], LetterBatchRequestValidator.Validate(request).Keys);
    }

    [Fact]
    public void Contact_whose_document_would_not_fit_in_a_row_is_refused_on_fields()
    {
        var fields = Enumerable.Range(0, 10).ToDictionary(i => $"f{i}", _ => (string?)new string('x', 4_000));
        Dictionary<string, List<string>> errors = ContactValidator.Validate(new Company { Id = "C1", Name = "Firma", Fields = fields });
        Assert.Equal(["fields"], errors.Keys);
        Assert.Contains("as stored", errors["fields"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Transactions_hold_at_most_100_rows_and_split_large_rows_under_the_4_MiB_a_transaction_carries()
    {
        RecipientRow Row(int i, int fieldsLength) => new() { PartitionKey = "c", RowKey = RecipientIntakeBuilder.SendKey(i), Email = "a@example.test", FieldsJson = new string('x', fieldsLength) };

        Assert.Equal([100, 100, 50], RecipientTable.Transactions(Enumerable.Range(0, 250).Select(i => Row(i, 10))).Select(c => c.Length));
        RecipientRow[][] large = RecipientTable.Transactions(Enumerable.Range(0, 100).Select(i => Row(i, 32_000))).ToArray();
        Assert.True(large.Length > 1);
        Assert.Equal(100, large.Sum(c => c.Length));
        Assert.All(large, c => Assert.True(c.Sum(r => 2L * r.FieldsJson.Length) < 4 * 1024 * 1024));
    }
}
