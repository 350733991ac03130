using MailMerge.Recipients;

namespace MailMerge.Tests.Recipients;

public class RecipientReportCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Kowalski, Jan", "\"Kowalski, Jan\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+48 123", "'+48 123")]
    public void Cell_quotes_when_needed_and_defuses_formulas(string value, string expected)
    {
        Assert.Equal(expected, RecipientReportCsv.Cell(value));
    }

    [Fact]
    public void Format_writes_every_column_of_a_failure()
    {
        var line = new RecipientReportLine(4, "x@example.test", "X, Y", "Failed", false, "refused", 550, "5.1.1 no such user", null, null, 3, null, "contact_name");
        Assert.Equal("4,x@example.test,\"X, Y\",Failed,no,refused,550,5.1.1 no such user,,,3,,contact_name", RecipientReportCsv.Format(line));
        Assert.Equal(13, RecipientReportCsv.Header.Split(',').Length);
    }

    [Fact]
    public void Format_marks_a_sent_recipient_and_a_deferred_ones_next_attempt()
    {
        var sent = new RecipientReportLine(1, "a@example.test", null, "Sent", true, null, null, null, "<m@x>", new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero), 2, null, null);
        Assert.Equal("1,a@example.test,,Sent,yes,,,,<m@x>,2026-05-04T10:00:00.0000000+00:00,2,,", RecipientReportCsv.Format(sent));
        var deferred = new RecipientReportLine(2, "b@example.test", null, "Deferred", false, "later", 451, "4.3.0 busy", null, null, 1, new DateTimeOffset(2026, 5, 4, 10, 5, 0, TimeSpan.Zero), null);
        Assert.Equal("2,b@example.test,,Deferred,no,later,451,4.3.0 busy,,,1,2026-05-04T10:05:00.0000000+00:00,", RecipientReportCsv.Format(deferred));
    }
}
