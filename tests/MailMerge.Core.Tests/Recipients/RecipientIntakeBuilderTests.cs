using MailMerge.Recipients;
using MailMerge.Tests;

namespace MailMerge.Tests.Recipients;

public class RecipientIntakeBuilderTests
{
    [Fact]
    public void Build_sample_list_sends_each_address_once_and_reports_duplicate_and_invalid()
    {
        using Stream csv = Samples.RecipientsCsv();
        RecipientIntake intake = RecipientIntakeBuilder.Build("c1", RecipientCsvReader.Read(csv));

        Assert.Equal(17, intake.Sendable.Count);
        Assert.Equal(1, intake.Duplicates);
        Assert.Equal(1, intake.Invalid);
        RecipientRow duplicate = Assert.Single(intake.Skipped, r => r.Status == nameof(RecipientStatus.Duplicate));
        Assert.Equal(17, duplicate.Line);
        Assert.Equal(1, duplicate.DuplicateOfLine);
        RecipientRow invalid = Assert.Single(intake.Skipped, r => r.Status == nameof(RecipientStatus.Invalid));
        Assert.Equal("biuro@@mikroplan.test", invalid.Email);
        RecipientRow kowalski = intake.Sendable.Single(r => r.Line == 19);
        Assert.Equal("Kowalski, Jan", kowalski.DisplayName);
        Assert.Equal("jan.kowalski@nowakisyn.test", kowalski.Email);
    }

    [Fact]
    public void Build_gives_sendable_rows_consecutive_sortable_keys_in_list_order()
    {
        var inputs = new[]
        {
            new RecipientInput(1, "a@example.test", new Dictionary<string, string>()),
            new RecipientInput(2, "bad", new Dictionary<string, string>()),
            new RecipientInput(3, "b@example.test", new Dictionary<string, string>()),
        };
        RecipientIntake intake = RecipientIntakeBuilder.Build("c1", inputs);

        Assert.Equal(["s0000000000", "s0000000001"], intake.Sendable.Select(r => r.RowKey));
        Assert.Equal("x0000000002", Assert.Single(intake.Skipped).RowKey);
        Assert.All(intake.Sendable.Concat(intake.Skipped), r => Assert.Equal("c1", r.PartitionKey));
    }

    [Fact]
    public void Build_skips_excluded_and_suppressed_lines_with_their_reasons()
    {
        var none = new Dictionary<string, string>();
        var inputs = new[]
        {
            new RecipientInput(1, "a@example.test", none),
            new RecipientInput(2, "B@Rywal.test", none),
            new RecipientInput(3, "wypisany@example.test", none),
            new RecipientInput(4, "c@example.test", none),
            new RecipientInput(5, "A@example.test", none),
        };
        RecipientExclusions exclusions = RecipientExclusions.Create(["rywal.test"], out _);
        RecipientIntake intake = RecipientIntakeBuilder.Build("c1", inputs, exclusions, new HashSet<string> { "wypisany@example.test" });

        Assert.Equal([1, 4], intake.Sendable.Select(r => r.Line));
        Assert.Equal(1, intake.Excluded);
        Assert.Equal(1, intake.Suppressed);
        Assert.Equal(1, intake.Duplicates);
        RecipientRow excluded = Assert.Single(intake.Skipped, r => r.Status == nameof(RecipientStatus.Excluded));
        Assert.Equal(2, excluded.Line);
        Assert.Contains("rywal.test", excluded.Reason, StringComparison.Ordinal);
        RecipientRow suppressed = Assert.Single(intake.Skipped, r => r.Status == nameof(RecipientStatus.Suppressed));
        Assert.Equal(3, suppressed.Line);
        Assert.Equal(RecipientIntakeBuilder.SuppressedReason, suppressed.Reason);
    }
}
