using System.Diagnostics.CodeAnalysis;
using MailMerge.Templates;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>
/// Reads <c>If-Match</c> and <c>If-None-Match</c> of a write to the template library: one quoted ETag (as the API
/// gave it) or <c>*</c>; <c>If-None-Match</c> only as <c>*</c> (create, never replace).
/// </summary>
public static class TemplatePreconditions
{
    /// <summary>The condition the headers ask for; false with the header and the reason when they are malformed.</summary>
    public static bool TryRead(IHeaderDictionary headers, bool allowIfNoneMatch, [NotNullWhen(true)] out TemplateCondition? condition, [NotNullWhen(false)] out (string Header, string Reason)? error)
    {
        ArgumentNullException.ThrowIfNull(headers);
        condition = null;
        string? ifMatch = Single(headers, "If-Match");
        string? ifNoneMatch = Single(headers, "If-None-Match");
        if (ifMatch is not null && !IsEntityTag(ifMatch))
        {
            error = ("If-Match", "Give one ETag in quotes, exactly as the API answered it (\"0x…\"), or *.");
            return false;
        }

        if (ifNoneMatch is not null && (!allowIfNoneMatch || ifNoneMatch != "*"))
        {
            error = ("If-None-Match", allowIfNoneMatch ? "Only 'If-None-Match: *' (create, never replace) is supported here." : "If-None-Match is not supported here; use If-Match.");
            return false;
        }

        if (ifMatch is not null && ifNoneMatch is not null)
        {
            error = ("If-None-Match", "Give If-Match (replace that version) or If-None-Match: * (create only), not both.");
            return false;
        }

        condition = new TemplateCondition(ifMatch, ifNoneMatch is not null);
        error = null;
        return true;
    }

    private static string? Single(IHeaderDictionary headers, string name)
    {
        string value = headers[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    // One strong or weak entity tag, or "*"; a weak one is accepted and simply never matches (If-Match compares strongly).
    // Inside the quotes only visible ASCII (RFC 9110 etagc without obs-text): every ETag the API gives is ASCII, and
    // storage refuses other characters in a header, so they are answered here instead of failing there.
    private static bool IsEntityTag(string value)
    {
        if (value == "*")
        {
            return true;
        }

        string opaque = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        return opaque.Length >= 2 && opaque[0] == '"' && opaque[^1] == '"' && AllEtagChars(opaque.AsSpan(1, opaque.Length - 2));
    }

    private static bool AllEtagChars(ReadOnlySpan<char> chars)
    {
        foreach (char c in chars)
        {
            if (c != '\x21' && c is < '\x23' or > '\x7e')
            {
                return false;
            }
        }

        return true;
    }
}
