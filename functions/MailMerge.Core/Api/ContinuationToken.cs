namespace MailMerge.Api;

/// <summary>
/// The shape every continuation token a list gives out has: printable ASCII (storage hands them out in HTTP headers
/// or as blob names of this API's own names), at most <see cref="MaxLength"/> characters. Checked before storage is
/// asked, because storage answers a NUL or a non-character in a marker with a server error, not with a 400.
/// </summary>
public static class ContinuationToken
{
    /// <summary>Longest token accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>The reason given for a token that fails <see cref="IsWellFormed"/>.</summary>
    public const string Rule = "The continuation token is not one this API gave out; follow 'next' of the page before.";

    /// <summary>True when <paramref name="token"/> could have been given out by a list of this API.</summary>
    public static bool IsWellFormed(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Length is > 0 and <= MaxLength && token.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0;
    }
}
