using System.Globalization;
using System.Text;

namespace MailMerge.Letters;

/// <summary>
/// Applies a Word <c>\#</c> numeric picture. Pictures are written as in English Word (<c>#,##0.00</c>:
/// '.' the decimal point, ',' grouping); the output uses the separators of the letter's culture.
/// </summary>
internal static class WordNumberPicture
{
    /// <summary>The value formatted, or null when the value is not a number.</summary>
    public static string? Format(string value, string picture, CultureInfo culture)
    {
        const NumberStyles Styles = NumberStyles.Number | NumberStyles.AllowCurrencySymbol;
        if (!decimal.TryParse(value, Styles, culture, out var number)
            && !decimal.TryParse(value, Styles, CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        return number.ToString(ToDotNetFormat(picture), culture);
    }

    /// <summary>
    /// 0 # . , ; mean the same in both; Word's x is a digit place like #; a '+' shows the sign of positive
    /// numbers too; a '-' is dropped because .NET writes the minus of negative numbers anyway; all other
    /// characters are literal in Word and escaped for .NET (where % and E would change the number).
    /// </summary>
    internal static string ToDotNetFormat(string picture)
    {
        var format = new StringBuilder();
        var plus = false;
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

            switch (c)
            {
                case '0' or '#' or '.' or ',' or ';':
                    format.Append(c);
                    break;
                case 'x':
                    format.Append('#');
                    break;
                case '+':
                    plus = true;
                    break;
                case '-':
                    break;
                default:
                    format.Append('\\').Append(c);
                    break;
            }

            i++;
        }

        var result = format.ToString();
        if (plus && !result.Contains(';', StringComparison.Ordinal))
        {
            result = $"+{result};-{result};{result}";
        }

        return result.Length == 0 ? "0" : result;
    }
}
