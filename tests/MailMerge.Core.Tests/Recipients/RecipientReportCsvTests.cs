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
        var line = new RecipientReportLine(4, "x@example.test", "X, Y", "Failed", "refused", 550, "5.1.1 no such user", null, null, 1, "contact_name");
        Assert.Equal("4,x@example.test,\"X, Y\",Failed,refused,550,5.1.1 no such user,,,1,contact_name", RecipientReportCsv.Format(line));
        Assert.Equal(11, RecipientReportCsv.Header.Split(',').Length);
    }
}
