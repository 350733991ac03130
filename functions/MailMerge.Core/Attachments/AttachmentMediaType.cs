using MimeKit;

namespace MailMerge.Attachments;

/// <summary>The media type an attachment is sent with: the upload's Content-Type, or one guessed from its file name.</summary>
public static class AttachmentMediaType
{
    /// <summary>
    /// Resolves the upload's Content-Type header (null or empty: from the file name's extension, else
    /// application/octet-stream). Refused: what does not parse, multipart and message types (they would change the
    /// message's structure) and form encodings (what curl sends with --data-binary when no type is given).
    /// </summary>
    public static bool TryResolve(string? header, string fileName, out string mediaType, out string reason)
    {
        reason = string.Empty;
        if (string.IsNullOrWhiteSpace(header))
        {
            mediaType = MimeTypes.GetMimeType(fileName);
            return true;
        }

        mediaType = string.Empty;
        if (!ContentType.TryParse(header, out ContentType? parsed))
        {
            reason = "The Content-Type is not a media type such as application/pdf.";
            return false;
        }

        if (parsed.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase) || parsed.MediaType.Equals("message", StringComparison.OrdinalIgnoreCase) ||
            parsed.IsMimeType("application", "x-www-form-urlencoded"))
        {
            reason = $"Send the file's own media type (e.g. -H 'Content-Type: application/pdf'), not {parsed.MimeType}; leave the header out to have it taken from the file name.";
            return false;
        }

        if (!IsRestrictedName(parsed.MediaType) || !IsRestrictedName(parsed.MediaSubtype))
        {
            reason = $"The media type and subtype must each be 1 to {MaxNameLength} letters, digits or !#$&-^_.+ starting with a letter or digit (RFC 6838), e.g. application/pdf.";
            return false;
        }

        if (parsed.Charset is { Length: > 0 } named && !IsCharset(named))
        {
            reason = $"The charset must be a charset name of 1 to {MaxCharsetLength} letters, digits or !#$%&'+-^_`{{}}~, e.g. utf-8.";
            return false;
        }

        // Only the charset is kept: it is what a text attachment needs to be read right; other parameters (name) are set by the message builder.
        mediaType = parsed.MimeType.ToLowerInvariant() + (parsed.Charset is { Length: > 0 } charset ? $"; charset={charset.ToLowerInvariant()}" : string.Empty);
        return true;
    }

    /// <summary>Longest type or subtype name (RFC 6838, section 4.2).</summary>
    public const int MaxNameLength = 127;

    /// <summary>Longest charset name (the longest registered one has 45 characters).</summary>
    public const int MaxCharsetLength = 64;

    private static bool IsRestrictedName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && char.IsAsciiLetterOrDigit(name[0]) &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '&' or '-' or '^' or '_' or '.' or '+');

    private static bool IsCharset(string name) =>
        name.Length <= MaxCharsetLength &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '+' or '-' or '^' or '_' or '`' or '{' or '}' or '~');
}
