using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace MailMerge.Recipients;

/// <summary>
/// Reads a recipient list as spreadsheets export it: UTF-8 with or without BOM, <c>;</c>, <c>,</c> or tab
/// as delimiter (detected from the header row), quoted fields with delimiters, quotes and line breaks, CRLF.
/// The address column is the first header named email, e-mail, mail or address; every other column is a merge field.
/// </summary>
public static class RecipientCsvReader
{
    /// <summary>Largest row, header row included, in characters (about 1 MB).</summary>
    public const int MaxRowChars = 1 << 20;

    private const string Empty = "The recipient list is empty: expected a header row and at least one recipient.";
    private const string HeaderTooLarge = "The header row of the recipient list is larger than 1 MB; is it a CSV file?";

    private static readonly string[] AddressHeaders = ["email", "e-mail", "email_address", "mail", "address", "adres", "adres_email"];

    /// <summary>Reads every data row; throws <see cref="RecipientCsvException"/> when the file as a whole is unusable.</summary>
    public static IReadOnlyList<RecipientInput> Read(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        string text = reader.ReadToEnd();
        return Read(text);
    }

    /// <summary>Reads every data row of CSV text.</summary>
    public static IReadOnlyList<RecipientInput> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RecipientCsvException(Empty);
        }

        var options = new CsvDataReaderOptions
        {
            Delimiter = DetectDelimiter(text)[0],
            HasHeaders = true,
            HeaderComparer = StringComparer.OrdinalIgnoreCase,
            // Rows up to 1 MB: a long note or address block must not reject the whole list.
            MaxBufferSize = MaxRowChars,
        };

        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(new StringReader(text), options);
        }
        catch (CsvRecordTooLargeException)
        {
            throw new RecipientCsvException(HeaderTooLarge);
        }
        catch (CsvFormatException ex)
        {
            throw new RecipientCsvException($"The recipient list cannot be read as CSV: {ex.Message}");
        }

        using (csv)
        {
            string[] names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
            RefuseDuplicateHeaders(names);
            int addressColumn = Array.FindIndex(names, n => AddressHeaders.Contains(n, StringComparer.OrdinalIgnoreCase));
            if (addressColumn < 0)
            {
                throw new RecipientCsvException(
                    $"The recipient list has no address column: name one column 'email' (found: {string.Join(", ", names)}).");
            }

            var rows = new List<RecipientInput>();
            int line = 0;
            while (Next(csv))
            {
                line++;
                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < names.Length; i++)
                {
                    if (i != addressColumn && names[i].Length > 0)
                    {
                        fields[names[i]] = i < csv.RowFieldCount ? csv.GetString(i).Trim() : string.Empty;
                    }
                }

                string address = addressColumn < csv.RowFieldCount ? csv.GetString(addressColumn) : string.Empty;
                if (address.Length == 0 && fields.Values.All(v => v.Length == 0))
                {
                    continue;
                }

                rows.Add(new RecipientInput(line, address, fields));
            }

            return rows.Count > 0 ? rows : throw new RecipientCsvException(Empty);
        }
    }

    /// <summary>
    /// Reads every data row of a list as merge fields only, the address column included under its own name (paper
    /// letters print it); rows with every cell empty are left out.
    /// </summary>
    public static IReadOnlyList<Dictionary<string, string?>> ReadColumns(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        string text = reader.ReadToEnd().TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RecipientCsvException(Empty);
        }

        var options = new CsvDataReaderOptions { Delimiter = DetectDelimiter(text)[0], HasHeaders = true, HeaderComparer = StringComparer.OrdinalIgnoreCase, MaxBufferSize = MaxRowChars };
        CsvDataReader data;
        try
        {
            data = CsvDataReader.Create(new StringReader(text), options);
        }
        catch (CsvRecordTooLargeException)
        {
            throw new RecipientCsvException(HeaderTooLarge);
        }
        catch (CsvFormatException ex)
        {
            throw new RecipientCsvException($"The recipient list cannot be read as CSV: {ex.Message}");
        }

        using (data)
        {
            string[] names = Enumerable.Range(0, data.FieldCount).Select(i => data.GetName(i).Trim()).ToArray();
            RefuseDuplicateHeaders(names);
            var rows = new List<Dictionary<string, string?>>();
            while (Next(data))
            {
                var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < names.Length; i++)
                {
                    if (names[i].Length > 0)
                    {
                        fields[names[i]] = i < data.RowFieldCount ? data.GetString(i).Trim() : string.Empty;
                    }
                }

                if (fields.Values.Any(v => v!.Length > 0))
                {
                    rows.Add(fields);
                }
            }

            return rows.Count > 0 ? rows : throw new RecipientCsvException(Empty);
        }
    }

    private static void RefuseDuplicateHeaders(string[] names)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(names[i], out int first))
            {
                // Two columns of one name would leave only one of them as the merge field, silently.
                throw new RecipientCsvException(string.Create(CultureInfo.InvariantCulture,
                    $"The header row names '{names[i]}' twice (columns {first + 1} and {i + 1}; letter case does not count); give each column its own name."));
            }

            seen[names[i]] = i;
        }
    }

    private static bool Next(CsvDataReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvRecordTooLargeException ex)
        {
            throw new RecipientCsvException(string.Create(CultureInfo.InvariantCulture,
                $"Data row {ex.RowNumber} of the recipient list is larger than {MaxRowChars / 1024 / 1024} MB, the most one row may be; shorten its values (or look for a quote that is never closed)."));
        }
        catch (CsvFormatException ex)
        {
            throw new RecipientCsvException($"The recipient list cannot be read as CSV near data row {ex.RowNumber}: {ex.Message}");
        }

    }

    /// <summary>Picks the delimiter that occurs most often outside quotes in the header row.</summary>
    public static string DetectDelimiter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int semicolons = 0, commas = 0, tabs = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!quoted)
            {
                switch (c)
                {
                    case ';': semicolons++; break;
                    case ',': commas++; break;
                    case '\t': tabs++; break;
                }
            }
        }

        if (tabs > semicolons && tabs > commas)
        {
            return "\t";
        }

        return semicolons >= commas && semicolons > 0 ? ";" : ",";
    }
}
