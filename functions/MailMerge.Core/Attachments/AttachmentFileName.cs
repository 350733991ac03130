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
}
