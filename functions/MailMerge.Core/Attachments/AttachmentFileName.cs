namespace MailMerge.Attachments;

/// <summary>The file name recipients see: any Unicode text (Polish letters included) that is a plain file name.</summary>
public static class AttachmentFileName
{
    /// <summary>Longest file name, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Trims <paramref name="raw"/> and checks it: 1 to <see cref="MaxLength"/> characters, no control characters
    /// (a line break would end up in a MIME header), no '/' or '\' (mail clients save it as a path otherwise).
    /// </summary>
    public static bool TryNormalize(string? raw, out string name, out string reason)
    {
        name = (raw ?? string.Empty).Trim();
        reason = string.Empty;
        if (name.Length == 0)
        {
            reason = "Give a file name (e.g. 'Umowa – załącznik nr 1.pdf').";
        }
        else if (name.Length > MaxLength)
        {
            reason = $"The file name is longer than {MaxLength} characters.";
        }
        else if (name.Any(char.IsControl))
        {
            reason = "The file name must not hold line breaks, tabs or other control characters.";
        }
        else if (name.Any(c => c is '\u2028' or '\u2029'))
        {
            reason = "The file name must not hold line or paragraph separators (U+2028, U+2029).";
        }
        else if (name.Any(IsBidiControl))
        {
            reason = "The file name must not hold right-to-left or other direction controls (U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069): they make a name such as 'txt.exe' read reversed.";
        }
        else if (HasLoneSurrogate(name))
        {
            reason = "The file name is not valid Unicode text.";
        }
        else if (name.AsSpan().IndexOfAny('/', '\\') >= 0)
        {
            reason = "The file name must not hold '/' or '\\' (a name, not a path).";
        }
        else if (name is "." or "..")
        {
            reason = "The file name must be a name, not '.' or '..'.";
        }

        return reason.Length == 0;
    }

    /// <summary>
    /// Decodes a raw (still percent-encoded) query value strictly: '+' is a space, each '%' needs two hex digits and
    /// the bytes must be UTF-8. False for anything else, which a lenient decoder would keep as literal text.
    /// </summary>
    public static bool TryDecodeQueryValue(string raw, out string value)
    {
        ArgumentNullException.ThrowIfNull(raw);
        value = string.Empty;
        var bytes = new List<byte>(raw.Length);
        int i = 0;
        while (i < raw.Length)
        {
            if (raw[i] == '%')
            {
                if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
                {
                    return false;
                }

                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 3;
                continue;
            }

            int next = raw.IndexOf('%', i);
            next = next < 0 ? raw.Length : next;
            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(raw[i..next].Replace('+', ' ')));
            i = next;
        }

        try
        {
            value = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsBidiControl(char c) => c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
