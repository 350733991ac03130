using System.Text;

namespace MailMerge.Letters;

/// <summary>
/// A parsed merge field: its name and the Word switches that shape its value. Made from a MERGEFIELD
/// instruction (<c>MERGEFIELD "First Name" \b "Dear " \* MERGEFORMAT</c>) or from a <c>{{ name }}</c>
/// placeholder, which has no switches.
/// </summary>
internal sealed class MergeFieldInstruction
{
    private MergeFieldInstruction(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary><c>\b</c>: text put before the value when the value is not empty.</summary>
    public string? TextBefore { get; private set; }

    /// <summary><c>\f</c>: text put after the value when the value is not empty.</summary>
    public string? TextAfter { get; private set; }

    /// <summary><c>\@</c>: a Word date-time picture such as <c>d MMMM yyyy</c>.</summary>
    public string? DatePicture { get; private set; }

    /// <summary><c>\#</c>: a Word numeric picture such as <c>#,##0.00</c>.</summary>
    public string? NumberPicture { get; private set; }

    /// <summary><c>\*</c> case conversions (Upper, Lower, Caps, FirstCap); MERGEFORMAT and the like are dropped.</summary>
    public IReadOnlyList<string> CaseFormats { get; private set; } = [];

    public static MergeFieldInstruction ForPlaceholder(string name) => new(name);

    /// <summary>Parses a field instruction; null when it is not a MERGEFIELD or names no field.</summary>
    public static MergeFieldInstruction? TryParse(string instruction)
    {
        var tokens = Tokenize(instruction);
        if (tokens.Count < 2
            || tokens[0].Quoted
            || !string.Equals(tokens[0].Text, "MERGEFIELD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Word quotes names with spaces; a bare name typed with spaces is read the same way.
        var nameParts = new List<string>();
        var index = 1;
        while (index < tokens.Count && !tokens[index].IsSwitch)
        {
            nameParts.Add(tokens[index].Text);
            index++;
        }

        var name = string.Join(' ', nameParts).Trim();
        if (name.Length == 0)
        {
            return null;
        }

        var field = new MergeFieldInstruction(name);
        var cases = new List<string>();
        while (index < tokens.Count)
        {
            var token = tokens[index++];
            if (!token.IsSwitch)
            {
                continue;
            }

            var argument = index < tokens.Count && !tokens[index].IsSwitch ? tokens[index].Text : null;
            var takesArgument = token.Text is "\\b" or "\\f" or "\\@" or "\\#" or "\\*";
            if (takesArgument && argument is not null)
            {
                index++;
            }

            switch (token.Text)
            {
                case "\\b":
                    field.TextBefore = argument;
                    break;
                case "\\f":
                    field.TextAfter = argument;
                    break;
                case "\\@":
                    field.DatePicture = argument;
                    break;
                case "\\#":
                    field.NumberPicture = argument;
                    break;
                case "\\*" when argument is not null:
                    cases.Add(argument);
                    break;
                default:
                    // \m (mapped), \v (vertical) and unknown switches change nothing in a merged letter.
                    break;
            }
        }

        field.CaseFormats = cases;
        return field;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] == '"')
            {
                var quoted = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                    {
                        i++;
                    }

                    quoted.Append(text[i]);
                    i++;
                }

                i++;
                tokens.Add(new Token(quoted.ToString(), Quoted: true, IsSwitch: false));
                continue;
            }

            if (text[i] == '\\' && i + 1 < text.Length)
            {
                // A switch is a backslash and one character; Word also accepts \*MERGEFORMAT without a space.
                tokens.Add(new Token(text.Substring(i, 2).ToLowerInvariant(), Quoted: false, IsSwitch: true));
                i += 2;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"' && text[i] != '\\')
            {
                i++;
            }

            if (i == start)
            {
                i++;
                continue;
            }

            tokens.Add(new Token(text[start..i], Quoted: false, IsSwitch: false));
        }

        return tokens;
    }

    private readonly record struct Token(string Text, bool Quoted, bool IsSwitch);
}
