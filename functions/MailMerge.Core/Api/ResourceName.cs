using System.Text.RegularExpressions;

namespace MailMerge.Api;

/// <summary>Names of uploaded templates and lists: letters, digits, dot, dash and underscore, up to 100 characters.</summary>
public static partial class ResourceName
{
    /// <summary>True when <paramref name="name"/> may be used as a blob name as it is.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>The rule, for error messages.</summary>
    public const string Rule = "Use 1 to 100 letters, digits, '.', '-' or '_', starting with a letter or digit.";

    // \z, not $: $ also matches before a final "\n", which would let "name\n" through into blob and table keys.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
