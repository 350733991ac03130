namespace MailMerge.Campaigns;

/// <summary>
/// The rules of an archive folder name: it becomes the start of blob names, so each '/'-separated segment must be
/// safe in a URL path and in every blob tool (no empty, "." or ".." segment, nothing that ends with a dot).
/// </summary>
public static class ArchiveFolderName
{
    /// <summary>Longest folder name.</summary>
    public const int MaxLength = 200;

    /// <summary>Longest segment.</summary>
    public const int MaxSegmentLength = 63;

    /// <summary>Most segments.</summary>
    public const int MaxSegments = 8;

    /// <summary>Null when <paramref name="folder"/> is a valid folder name, else the reason it is not.</summary>
    public static string? Check(string? folder)
    {
        if (string.IsNullOrEmpty(folder))
        {
            return "Give the folder that keeps the sent copies, e.g. \"2026/bank-account\".";
        }

        if (folder.Length > MaxLength)
        {
            return $"The folder is longer than {MaxLength} characters.";
        }

        string[] segments = folder.Split('/');
        if (segments.Length > MaxSegments)
        {
            return $"The folder has more than {MaxSegments} levels.";
        }

        foreach (string segment in segments)
        {
            if (segment.Length == 0)
            {
                return "The folder has an empty level: no leading, trailing or double '/'.";
            }

            if (segment.Length > MaxSegmentLength)
            {
                return $"A level of the folder is longer than {MaxSegmentLength} characters.";
            }

            if (!char.IsAsciiLetterOrDigit(segment[0]) || segment[^1] == '.')
            {
                return "Each level of the folder starts with a letter or digit (a-z, A-Z, 0-9) and does not end with '.'.";
            }

            foreach (char c in segment)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
                {
                    return "The folder may hold only letters a-z and A-Z, digits, '-', '_', '.' and '/' between levels.";
                }
            }
        }

        return null;
    }
}
