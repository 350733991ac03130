using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MailMerge.Templates;

/// <summary>
/// Stands in for a template's Liquid tags while an HTML parser rewrites its markup (CSS inlining), and puts them
/// back verbatim afterwards. Left as they are, a parser would move or mangle them: text between table rows is
/// moved before the table ("foster parenting"), a tag inside a start tag becomes an attribute name, quotes in
/// <c>{{ "x" | append: y }}</c> would end an attribute. So a tag in text becomes an HTML comment (which stays
/// where it is, also inside a table), one inside an attribute value or raw text becomes a bare word, and one
/// between attributes becomes an attribute name of its own.
/// </summary>
public sealed partial class LiquidPlaceholders
{
    private const string BasePrefix = "mmliquid";
    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
    };

    private readonly string prefix;
    private readonly List<Stand> stands;

    private LiquidPlaceholders(string html, string prefix, List<Stand> stands)
    {
        Html = html;
        this.prefix = prefix;
        this.stands = stands;
    }

    /// <summary>The template with every Liquid tag replaced by its placeholder.</summary>
    public string Html { get; }

    /// <summary>How many Liquid tags stand behind placeholders.</summary>
    public int Count => stands.Count;

    private enum Kind
    {
        Comment,
        Word,
        Attribute,
    }

    private enum State
    {
        Text,
        Comment,
        Declaration,
        TagName,
        BeforeAttribute,
        AttributeName,
        AfterAttributeName,
        BeforeValue,
        Quoted,
        Unquoted,
        RawText,
    }

    private sealed record Stand(string Source, Kind Kind, string Where);

    /// <summary>
    /// Replaces the Liquid tags of <paramref name="html"/> by placeholders; false with the reason (and the line and
    /// column) when a tag sits where no placeholder can keep it: inside a tag or attribute name, or inside a
    /// <c>&lt;style&gt;</c> block whose rules are about to be moved.
    /// </summary>
    public static bool TryProtect(string html, [NotNullWhen(true)] out LiquidPlaceholders? placeholders, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(html);
        string prefix = BasePrefix;
        while (html.Contains(prefix, StringComparison.OrdinalIgnoreCase))
        {
            prefix += "q";
        }

        var output = new StringBuilder(html.Length + 256);
        var stands = new List<Stand>();
        State state = State.Text;
        char quote = '"';
        string tagName = string.Empty;
        bool endTag = false;
        int i = 0;
        placeholders = null;
        while (i < html.Length)
        {
            if (LiquidTagLength(html, i) is int length and > 0)
            {
                string source = html.Substring(i, length);
                Kind kind;
                switch (state)
                {
                    case State.Text:
                        kind = Kind.Comment;
                        break;
                    case State.TagName:
                    case State.AttributeName when source.StartsWith("{{", StringComparison.Ordinal) || !EndsName(html, i + length):
                        error = At(html, i, $"the Liquid tag '{Shorten(source)}' is part of a tag or attribute name, which CSS inlining cannot keep");
                        return false;
                    case State.RawText when tagName.Equals("style", StringComparison.OrdinalIgnoreCase):
                        error = At(html, i, $"the Liquid tag '{Shorten(source)}' is inside a <style> block, whose rules CSS inlining moves into style attributes; put it in a style attribute instead");
                        return false;
                    case State.BeforeAttribute or State.AfterAttributeName or State.AttributeName:
                        if (source.StartsWith("{{", StringComparison.Ordinal) && !EndsName(html, i + length))
                        {
                            error = At(html, i, $"the Liquid output '{Shorten(source)}' is part of an attribute name, which CSS inlining cannot keep");
                            return false;
                        }

                        kind = Kind.Attribute;
                        state = State.BeforeAttribute;
                        break;
                    case State.BeforeValue:
                        kind = Kind.Word;
                        state = State.Unquoted;
                        break;
                    default:
                        kind = Kind.Word;
                        break;
                }

                int index = stands.Count;
                stands.Add(new Stand(source, kind, Position(html, i)));
                string word = prefix + index.ToString(CultureInfo.InvariantCulture) + "x";
                output.Append(kind switch
                {
                    Kind.Comment => "<!--" + word + "-->",
                    Kind.Attribute => " " + word + " ",
                    _ => word,
                });
                i += length;
                continue;
            }

            char c = html[i];
            output.Append(c);
            switch (state)
            {
                case State.Text when c == '<':
                    if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                    {
                        output.Append("!--");
                        i += 3;
                        state = State.Comment;
                    }
                    else if (i + 1 < html.Length && char.IsAsciiLetter(html[i + 1]))
                    {
                        state = State.TagName;
                        endTag = false;
                        tagName = string.Empty;
                    }
                    else if (i + 2 < html.Length && html[i + 1] == '/' && char.IsAsciiLetter(html[i + 2]))
                    {
                        output.Append('/');
                        i++;
                        state = State.TagName;
                        endTag = true;
                        tagName = string.Empty;
                    }
                    else if (i + 1 < html.Length && html[i + 1] is '!' or '?' or '/')
                    {
                        state = State.Declaration;
                    }

                    break;
                case State.Comment when c == '-' && string.CompareOrdinal(html, i, "-->", 0, 3) == 0:
                    output.Append("->");
                    i += 2;
                    state = State.Text;
                    break;
                case State.Declaration when c == '>':
                    state = State.Text;
                    break;
                case State.TagName:
                    if (char.IsWhiteSpace(c) || c == '/')
                    {
                        state = State.BeforeAttribute;
                    }
                    else if (c == '>')
                    {
                        state = EndOfTag(tagName, endTag);
                    }
                    else
                    {
                        tagName += c;
                    }

                    break;
                case State.BeforeAttribute:
                    state = c == '>' ? EndOfTag(tagName, endTag) : char.IsWhiteSpace(c) || c == '/' ? State.BeforeAttribute : State.AttributeName;
                    break;
                case State.AttributeName:
                    state = c == '>' ? EndOfTag(tagName, endTag) : c == '=' ? State.BeforeValue : char.IsWhiteSpace(c) || c == '/' ? State.AfterAttributeName : State.AttributeName;
                    break;
                case State.AfterAttributeName:
                    state = c == '>' ? EndOfTag(tagName, endTag) : c == '=' ? State.BeforeValue : char.IsWhiteSpace(c) || c == '/' ? State.AfterAttributeName : State.AttributeName;
                    break;
                case State.BeforeValue:
                    if (c is '"' or '\'')
                    {
                        quote = c;
                        state = State.Quoted;
                    }
                    else if (c == '>')
                    {
                        state = EndOfTag(tagName, endTag);
                    }
                    else if (!char.IsWhiteSpace(c))
                    {
                        state = State.Unquoted;
                    }

                    break;
                case State.Quoted when c == quote:
                    state = State.BeforeAttribute;
                    break;
                case State.Unquoted:
                    state = c == '>' ? EndOfTag(tagName, endTag) : char.IsWhiteSpace(c) ? State.BeforeAttribute : State.Unquoted;
                    break;
                case State.RawText when c == '<' && ClosesRawText(html, i, tagName):
                    state = State.TagName;
                    endTag = true;
                    output.Append('/');
                    i++;
                    tagName = string.Empty;
                    break;
            }

            i++;
        }

        placeholders = new LiquidPlaceholders(output.ToString(), prefix, stands);
        error = null;
        return true;
    }

    /// <summary>
    /// Puts the Liquid tags back into <paramref name="rewritten"/> (the protected HTML after a parser rewrote it);
    /// false with the reason when a placeholder went missing, appears twice or moved past another one.
    /// </summary>
    public bool TryRestore(string rewritten, [NotNullWhen(true)] out string? restored, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(rewritten);
        var pattern = new Regex("<!--" + prefix + @"(?<c>\d+)x-->|" + prefix + @"(?<w>\d+)x(?<e>="""")?", RegexOptions.CultureInvariant);
        int expected = 0;
        string? problem = null;
        string result = pattern.Replace(rewritten, match =>
        {
            bool asComment = match.Groups["c"].Success;
            int index = int.Parse(asComment ? match.Groups["c"].Value : match.Groups["w"].Value, CultureInfo.InvariantCulture);
            if (index != expected || index >= stands.Count || (stands[index].Kind == Kind.Comment) != asComment)
            {
                problem ??= expected < stands.Count ? Moved(stands[expected]) : "CSS inlining produced text it was not given.";
                return match.Value;
            }

            expected++;
            Stand stand = stands[index];
            // An empty value is how a parser writes an attribute without one; for a word it was the template's own text.
            string tail = stand.Kind == Kind.Word && match.Groups["e"].Success ? "=\"\"" : string.Empty;
            return stand.Source + tail;
        });

        if (problem is null && expected < stands.Count)
        {
            problem = Moved(stands[expected]);
        }

        restored = problem is null ? result : null;
        error = problem;
        return problem is null;

        static string Moved(Stand stand) =>
            $"{stand.Where}: CSS inlining would move or drop the Liquid tag '{Shorten(stand.Source)}'; keep Liquid tags out of places an HTML parser rewrites, or set \"inlineCss\": false.";
    }

    /// <summary>The length of the Liquid tag starting at <paramref name="start"/> (a raw or comment block as a whole), or 0.</summary>
    private static int LiquidTagLength(string html, int start)
    {
        if (start + 1 >= html.Length || html[start] != '{' || html[start + 1] is not ('{' or '%'))
        {
            return 0;
        }

        string close = html[start + 1] == '{' ? "}}" : "%}";
        int end = html.IndexOf(close, start + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return 0;
        }

        int length = end + 2 - start;
        if (close == "%}" && BlockOpening().Match(html, start, length) is { Success: true } block)
        {
            // The body of a raw or comment block is not markup and not Liquid: it travels with its tags as one piece.
            Match ending = new Regex(@"\{%-?\s*end" + block.Groups[1].Value + @"\s*-?%\}").Match(html, start + length);
            return ending.Success ? ending.Index + ending.Length - start : length;
        }

        return length;
    }

    // Whether the markup at "at" cannot continue a name: a separator, the end of the tag or another Liquid tag.
    private static bool EndsName(string html, int at) =>
        at >= html.Length || char.IsWhiteSpace(html[at]) || html[at] is '>' or '/' or '{';

    private static State EndOfTag(string tagName, bool endTag) =>
        !endTag && RawTextElements.Contains(tagName) ? State.RawText : State.Text;

    private static bool ClosesRawText(string html, int at, string tagName)
    {
        int nameStart = at + 2;
        if (nameStart + tagName.Length > html.Length || html[at + 1] != '/' ||
            string.Compare(html, nameStart, tagName, 0, tagName.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        int after = nameStart + tagName.Length;
        return after == html.Length || char.IsWhiteSpace(html[after]) || html[after] is '>' or '/';
    }

    private static string At(string html, int index, string reason) => $"{Position(html, index)}: {reason}.";

    private static string Position(string html, int index)
    {
        int line = 1 + html.AsSpan(0, index).Count('\n');
        int column = index - (html.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");
    }

    private static string Shorten(string source) => source.Length <= 40 ? source : source[..37] + "...";

    [GeneratedRegex(@"\G\{%-?\s*(raw|comment)\s*-?%\}")]
    private static partial Regex BlockOpening();
}
