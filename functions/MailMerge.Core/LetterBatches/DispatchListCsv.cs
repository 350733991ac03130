using System.Globalization;
using MailMerge.Recipients;

namespace MailMerge.LetterBatches;

/// <summary>The dispatch list as CSV (comma, UTF-8 with BOM, CRLF; spreadsheet formulas defused).</summary>
public static class DispatchListCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "line,registered_number,recipient,address,delivery_method";

    /// <summary>One row.</summary>
    public static string Format(DispatchLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return string.Join(',',
            line.Line.ToString(CultureInfo.InvariantCulture),
            RecipientReportCsv.Cell(line.RegisteredNumber),
            RecipientReportCsv.Cell(line.Recipient),
            RecipientReportCsv.Cell(line.Address),
            RecipientReportCsv.Cell(line.DeliveryMethod));
    }
}
