namespace MailMerge.Templates;

/// <summary>How a write to the template library ended.</summary>
public enum TemplateWriteOutcome
{
    /// <summary>A new template was stored.</summary>
    Created,

    /// <summary>An existing template was replaced.</summary>
    Replaced,

    /// <summary>The template was deleted.</summary>
    Deleted,

    /// <summary>Nothing by that name (a delete, or If-Match on a missing template).</summary>
    NotFound,

    /// <summary>The precondition did not hold: nothing was written.</summary>
    PreconditionFailed,
}
