using MailMerge.Recipients;
using MailMerge.Tests;

namespace MailMerge.Tests.Recipients;

public class RecipientCsvReaderTests
{
    [Fact]
    public void Read_sample_export_with_bom_semicolons_and_crlf()
    {
        using Stream csv = Samples.RecipientsCsv();
        IReadOnlyList<RecipientInput> rows = RecipientCsvReader.Read(csv);

        Assert.Equal(19, rows.Count);
        Assert.Equal("biuro@mikronika.test", rows[0].Address);
        Assert.Equal("Mikronika Sp. z o.o.", rows[0].Fields["company_name"]);
        Assert.Equal(string.Empty, rows[0].Fields["contact_name"]);
        Assert.Equal("NTI \"Północ\" Sp. j.", rows[5].Fields["COMPANY_NAME"]);
        Assert.Equal("\"Kowalski, Jan\" <jan.kowalski@nowakisyn.test>", rows[18].Address);
        Assert.Equal(Enumerable.Range(1, 19), rows.Select(r => r.Line));
    }

    [Fact]
    public void Read_detects_commas_and_keeps_quoted_delimiters_quotes_and_line_breaks()
    {
        const string text = "Email,Name,Note\n\"a@example.test\",\"Smith, Anna\",\"said \"\"hi\"\"\nand left\"\nb@example.test,Bob,\n";
        IReadOnlyList<RecipientInput> rows = RecipientCsvReader.Read(text);

        Assert.Equal(2, rows.Count);
        Assert.Equal("Smith, Anna", rows[0].Fields["name"]);
        Assert.Equal("said \"hi\"\nand left", rows[0].Fields["note"]);
        Assert.Equal("b@example.test", rows[1].Address);
    }

    [Fact]
    public void Read_accepts_utf8_without_bom_and_tab_delimiter()
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes("e-mail\tmiasto\r\nx@example.test\tŁódź\r\n");
        IReadOnlyList<RecipientInput> rows = RecipientCsvReader.Read(new MemoryStream(bytes));

        Assert.Single(rows);
        Assert.Equal("Łódź", rows[0].Fields["miasto"]);
    }

    [Fact]
    public void Read_refuses_a_list_without_an_address_column_and_names_the_columns()
    {
        var error = Assert.Throws<RecipientCsvException>(() => RecipientCsvReader.Read("name;city\nAnna;Kraków\n"));
        Assert.Contains("'email'", error.Message, StringComparison.Ordinal);
        Assert.Contains("name, city", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_refuses_an_empty_file()
    {
        Assert.Throws<RecipientCsvException>(() => RecipientCsvReader.Read("\uFEFF  \r\n"));
    }

    [Theory]
    [InlineData("email;\"Nazwa, firma\";city\n", ";")]
    [InlineData("email,\"a;b\",c\n", ",")]
    [InlineData("email\tname\n", "\t")]
    [InlineData("email\n", ",")]
    public void DetectDelimiter_counts_only_outside_quotes_in_the_header(string text, string expected)
    {
        Assert.Equal(expected, RecipientCsvReader.DetectDelimiter(text));
    }

    [Theory]
    [InlineData("email,name,name\na@example.test,A,B\n", "'name' twice (columns 2 and 3")]
    [InlineData("email;Name; name \na@example.test;A;B\n", "'name' twice (columns 2 and 3")]
    [InlineData("email,E-mail,email\na@example.test,x,y\n", "'email' twice (columns 1 and 3")]
    public void Read_refuses_a_header_row_that_names_a_column_twice(string csv, string expected)
    {
        var error = Assert.Throws<RecipientCsvException>(() => RecipientCsvReader.Read(csv));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Throws<RecipientCsvException>(() => RecipientCsvReader.ReadColumns(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv))));
    }

    [Theory]
    [InlineData("email,name\n")]
    [InlineData("email,name")]
    [InlineData("email,name\r\n,\r\n\r\n")]
    public void Read_answers_a_header_without_recipients_as_an_empty_list(string csv)
    {
        var error = Assert.Throws<RecipientCsvException>(() => RecipientCsvReader.Read(csv));
        Assert.Contains("at least one recipient", error.Message, StringComparison.Ordinal);
        var columns = Assert.Throws<RecipientCsvException>(() => RecipientCsvReader.ReadColumns(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv))));
        Assert.Contains("at least one recipient", columns.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_tells_which_row_is_too_large_in_its_own_words()
    {
        string csv = "email,note\na@example.test,ok\nb@example.test," + new string('x', RecipientCsvReader.MaxRowChars + 10) + "\n";
        var error = Assert.Throws<RecipientCsvException>(() => RecipientCsvReader.Read(csv));
        Assert.Contains("larger than 1 MB", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxBufferSize", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxBufferSize", Assert.Throws<RecipientCsvException>(() => RecipientCsvReader.Read(new string('h', RecipientCsvReader.MaxRowChars + 10) + ",email\n")).Message, StringComparison.Ordinal);
    }
}
