using System.Globalization;
using System.Text;

namespace MailMerge.Letters;

/// <summary>Turns a merge value into the text Word would show for a field with these switches.</summary>
internal static class MergeFieldFormatter
{
    /// <summary>
    /// Applies \@ or \# (when the value parses as a date or number; otherwise the value is kept as given),
    /// then \* case conversions, then \b and \f around a non-empty value. An empty value stays empty.
    /// </summary>
    public static string Format(MergeFieldInstruction field, string? value, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value;
        if (field.DatePicture is { Length: > 0 } datePicture)
        {
            text = WordDatePicture.Format(value, datePicture, culture) ?? value;
        }
        else if (field.NumberPicture is { Length: > 0 } numberPicture)
        {
            text = WordNumberPicture.Format(value, numberPicture, culture) ?? value;
        }

        foreach (var caseFormat in field.CaseFormats)
        {
            text = ApplyCase(text, caseFormat, culture);
        }

        return string.Concat(field.TextBefore, text, field.TextAfter);
    }

    private static string ApplyCase(string text, string caseFormat, CultureInfo culture)
    {
        if (caseFormat.Equals("Upper", StringComparison.OrdinalIgnoreCase))
        {
            return text.ToUpper(culture);
        }

        if (caseFormat.Equals("Lower", StringComparison.OrdinalIgnoreCase))
        {
            return text.ToLower(culture);
        }

        if (caseFormat.Equals("FirstCap", StringComparison.OrdinalIgnoreCase))
        {
            return text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..];
        }

        if (caseFormat.Equals("Caps", StringComparison.OrdinalIgnoreCase))
        {
            var result = new StringBuilder(text.Length);
            var startOfWord = true;
            foreach (var c in text)
            {
                result.Append(startOfWord ? char.ToUpper(c, culture) : c);
                startOfWord = char.IsWhiteSpace(c) || c == '-';
            }

            return result.ToString();
        }

        return text;
    }
}
