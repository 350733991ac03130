using MailMerge.Templates;

namespace MailMerge.Campaigns;

/// <summary>How a campaign's HTML body is fixed at creation: CSS inlined when asked, and kept by a draft's later changes.</summary>
public static class FrozenBody
{
    private static readonly string[] BodyFields = ["body", "bodyTemplate", "inlineCss"];

    /// <summary>True when a draft patch member changes where the body comes from or how it is made, so it is built again.</summary>
    public static bool Touches(string patchMember) => BodyFields.Contains(patchMember, StringComparer.OrdinalIgnoreCase);

    /// <summary>The body with its CSS inlined, or null with the reason recorded on <paramref name="field"/>.</summary>
    public static string? Inline(string body, string field, Dictionary<string, List<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (CssInliner.TryInline(body, out string? inlined, out string? error))
        {
            return inlined;
        }

        errors[field] = [$"CSS inlining failed: {error}"];
        return null;
    }
}
