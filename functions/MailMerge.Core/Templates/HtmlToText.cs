using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MailMerge.Templates;

/// <summary>
/// Makes the plain-text alternative of an HTML e-mail: paragraphs and rows become lines, links keep their
/// address in brackets, head, style and script disappear, entities are decoded.
/// </summary>
public static partial class HtmlToText
{
    /// <summary>Converts an HTML document or fragment to readable plain text.</summary>
    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        string text = Invisible().Replace(html, string.Empty);
        text = Links().Replace(text, LinkToText);
        text = LineBreaks().Replace(text, "\n");
        text = BlockEnds().Replace(text, "\n\n");
        text = ListItems().Replace(text, "\n- ");
        text = Cells().Replace(text, " ");
        text = Tags().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        return Tidy(text);
    }

    private static string LinkToText(Match match)
    {
        string href = WebUtility.HtmlDecode(match.Groups["href"].Value).Trim();
        string label = WebUtility.HtmlDecode(Tags().Replace(match.Groups["label"].Value, string.Empty)).Trim();
        bool showHref = href.Length > 0 && !href.StartsWith('#') && !string.Equals(href, label, StringComparison.OrdinalIgnoreCase);
        string shown = showHref ? (label.Length > 0 ? $"{label} ({href})" : href) : label;
        return WebUtility.HtmlEncode(shown);
    }

    private static string Tidy(string text)
    {
        var result = new StringBuilder(text.Length);
        int blankRun = 0;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = Spaces().Replace(rawLine.Replace('\u00A0', ' '), " ").Trim();
            if (line.Length == 0)
            {
                blankRun++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blankRun > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blankRun = 0;
        }

        return result.Append('\n').ToString();
    }

    [GeneratedRegex(@"<!--.*?-->|<(head|style|script|title)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    [GeneratedRegex("""<a\b[^>]*?\bhref\s*=\s*["'](?<href>[^"']*)["'][^>]*>(?<label>.*?)</a\s*>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    [GeneratedRegex(@"<br\s*/?>|</tr\s*>|</div\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"</(p|h[1-6]|table|ul|ol|blockquote)\s*>|<hr\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItems();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex Cells();

    [GeneratedRegex(@"<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();
}
