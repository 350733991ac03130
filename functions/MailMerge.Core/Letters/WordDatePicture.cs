using System.Globalization;
using System.Text;

namespace MailMerge.Letters;

/// <summary>Applies a Word <c>\@</c> date-time picture (<c>d MMMM yyyy</c>, <c>dd/MM/yy HH:mm</c>, <c>h:mm AM/PM</c>).</summary>
internal static class WordDatePicture
{
    /// <summary>The value formatted, or null when the value is not a date.</summary>
    public static string? Format(string value, string picture, CultureInfo culture)
    {
        // Parsed with its offset and shown as the clock time written, never shifted to the server's zone.
        const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces;
        if (!DateTimeOffset.TryParse(value, culture, Styles, out var date)
            && !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Styles, out date))
        {
            return null;
        }

        return date.DateTime.ToString(ToDotNetFormat(picture), culture);
    }

    /// <summary>
    /// Word's picture letters mean what .NET's custom format letters mean (M month, m minute, d, y, h, H, s);
    /// everything else is literal in Word, so it is escaped for .NET, where '/' and ':' would be the culture's
    /// separators.
    /// </summary>
    internal static string ToDotNetFormat(string picture)
    {
        var format = new StringBuilder();
        var i = 0;
        while (i < picture.Length)
        {
            var c = picture[i];
            if (c == '\'')
            {
                var end = picture.IndexOf('\'', i + 1);
                end = end < 0 ? picture.Length : end;
                foreach (var literal in picture.AsSpan(i + 1, end - i - 1))
                {
                    format.Append('\\').Append(literal);
                }

                i = end + 1;
                continue;
            }

            if (string.Compare(picture, i, "AM/PM", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
            {
                format.Append("tt");
                i += 5;
                continue;
            }

            switch (c)
            {
                case 'd' or 'M' or 'y' or 'h' or 'H' or 'm' or 's':
                    format.Append(c);
                    break;
                case 'D' or 'Y' or 'S':
                    format.Append(char.ToLowerInvariant(c));
                    break;
                default:
                    format.Append('\\').Append(c);
                    break;
            }

            i++;
        }

        // A lone letter would be a .NET standard format ("d" = short date); '%' makes it a custom one.
        return format.Length == 1 ? "%" + format : format.ToString();
    }
}
