using System.Globalization;
using System.Text;

namespace MailMerge.Contacts;

/// <summary>
/// Folds text for search: lower case without diacritics, so "lodz" finds "Łódź". Unicode decomposition
/// strips accents (ó → o) but leaves letters such as ł, đ or ø whole; those are mapped by hand.
/// </summary>
public static class ContactText
{
    /// <summary>Lower case, diacritics removed, special letters mapped (ł → l, ß → ss, æ → ae).</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            char lower = char.ToLowerInvariant(c);
            switch (lower)
            {
                case 'ł': folded.Append('l'); break;
                case 'đ': folded.Append('d'); break;
                case 'ø': folded.Append('o'); break;
                case 'ı': folded.Append('i'); break;
                case 'ħ': folded.Append('h'); break;
                case 'ŧ': folded.Append('t'); break;
                case 'ß': folded.Append("ss"); break;
                case 'æ': folded.Append("ae"); break;
                case 'œ': folded.Append("oe"); break;
                case 'þ': folded.Append("th"); break;
                default: folded.Append(lower); break;
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded words of a name or city: runs of letters and digits, in order.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        string folded = Fold(text);
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= folded.Length; i++)
        {
            bool inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>A folded e-mail address, safe as a table key (no '/', '\', '#', '?' or control characters).</summary>
    public static string EmailKey(string? address)
    {
        string folded = Fold(address?.Trim());
        var key = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            key.Append(c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c) || char.IsWhiteSpace(c) ? '_' : c);
        }

        return key.ToString();
    }
}
