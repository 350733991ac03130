using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MailMerge.Templates;

/// <summary>
/// Moves a template's <c>&lt;style&gt;</c> rules into style attributes (PreMailer.Net), for mail clients that
/// ignore style blocks. It runs once per campaign on the template source, before Liquid renders anything, so
/// Liquid tags stand behind placeholders meanwhile and come back verbatim.
/// </summary>
public static partial class CssInliner
{
    /// <summary>
    /// The <c>&lt;meta&gt;</c> a template carries to ask for inlining:
    /// <c>&lt;meta name="mailmerge-inline-css" content="true"&gt;</c>.
    /// </summary>
    public const string MarkerName = "mailmerge-inline-css";

    /// <summary>
    /// Whether a campaign's body gets inlined: the campaign's <c>inlineCss</c> when it says, else the template's
    /// marker.
    /// </summary>
    public static bool IsAsked(bool? inlineCss, string html) => inlineCss ?? HasMarker(html);

    /// <summary>True when the template carries <c>&lt;meta name="mailmerge-inline-css" content="true"&gt;</c>.</summary>
    public static bool HasMarker(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (Match meta in MetaTags().Matches(html))
        {
            if (NameIsMarker().IsMatch(meta.Value) && ContentIsTrue().IsMatch(meta.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Inlines the CSS of <paramref name="html"/>. Rules inside <c>@media</c> stay in a style block (they cannot
    /// be inlined); other rules are moved, and a selector no mail client could apply inline (<c>a:hover</c>) is
    /// dropped. Linked stylesheets are kept as they are and never fetched. False with the reason when the
    /// template cannot be inlined without changing what Liquid renders.
    /// </summary>
    public static bool TryInline(string html, [NotNullWhen(true)] out string? inlined, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(html);
        inlined = null;
        if (StyleBlocks().Matches(html).Select(block => ImportRule().Match(block.Value)).FirstOrDefault(m => m.Success) is { } import)
        {
            error = $"'{import.Value.Trim()}' is not supported with CSS inlining (nothing is fetched); put the rules into the template's <style> or use <link rel=\"stylesheet\">, which is kept as it is.";
            return false;
        }

        if (!LiquidPlaceholders.TryProtect(html, out LiquidPlaceholders? placeholders, out error))
        {
            return false;
        }

        string rewritten;
        try
        {
            // "link" is ignored so that a linked stylesheet is never downloaded while a campaign is created.
            rewritten = PreMailer.Net.PreMailer.MoveCssInline(
                placeholders.Html, removeStyleElements: true, ignoreElements: "link", preserveMediaQueries: true).Html;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = $"PreMailer.Net could not process the HTML: {ex.Message}";
            return false;
        }

        return placeholders.TryRestore(rewritten, out inlined, out error);
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTags();

    [GeneratedRegex("""\bname\s*=\s*(["']?)mailmerge-inline-css\1(?=[\s/>])""", RegexOptions.IgnoreCase)]
    private static partial Regex NameIsMarker();

    [GeneratedRegex("""\bcontent\s*=\s*(["']?)true\1(?=[\s/>])""", RegexOptions.IgnoreCase)]
    private static partial Regex ContentIsTrue();

    [GeneratedRegex(@"<style\b[^>]*>.*?</style\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StyleBlocks();

    [GeneratedRegex(@"@import\b[^;{}]*;?", RegexOptions.IgnoreCase)]
    private static partial Regex ImportRule();
}
