namespace MailMerge.Templates;

/// <summary>Rules for text that ends up in a message header (subject, display names).</summary>
public static class HeaderText
{
    /// <summary>
    /// True when the text holds a line break or another control character (C0 other than tab, DEL, C1 such as
    /// NEL, or the Unicode line and paragraph separators); such text never goes into a header.
    /// </summary>
    public static bool HasControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if ((c < ' ' && c != '\t') || (c >= '\u007F' && c <= '\u009F') || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
