using System.Globalization;
using System.Text;

namespace MailMerge.Recipients;

/// <summary>Writes the recipient report as CSV (RFC 4180, comma, UTF-8, CRLF), safe to open in a spreadsheet.</summary>
public static class RecipientReportCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "line,email,name,status,sent,reason,smtp_code,smtp_text,message_id,sent_at,attempts,next_attempt_at,missing_fields";

    /// <summary>Formats one line.</summary>
    public static string Format(RecipientReportLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return string.Join(',',
            line.Line.ToString(CultureInfo.InvariantCulture),
            Cell(line.Email),
            Cell(line.Name),
            Cell(line.Status),
            line.Sent ? "yes" : "no",
            Cell(line.Reason),
            line.SmtpCode?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Cell(line.SmtpText),
            Cell(line.MessageId),
            line.SentAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
            line.Attempts.ToString(CultureInfo.InvariantCulture),
            line.NextAttemptAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
            Cell(line.MissingFields));
    }

    /// <summary>Quotes a cell when needed and defuses spreadsheet formulas (a leading = + - @).</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        builder.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
