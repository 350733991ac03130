namespace MailMerge.Templates;

/// <summary>
/// The precondition of a write to the template library (from HTTP If-Match / If-None-Match): none, only if the
/// stored version has this ETag (<c>*</c>: any version, i.e. it exists), or only if there is none yet.
/// </summary>
/// <param name="IfMatch">The quoted ETag (or <c>*</c>) the stored template must have, or null.</param>
/// <param name="IfNoneExists">True: write only when no template has this name yet.</param>
public sealed record TemplateCondition(string? IfMatch = null, bool IfNoneExists = false)
{
    /// <summary>No precondition: create or replace.</summary>
    public static TemplateCondition None { get; } = new();
}
