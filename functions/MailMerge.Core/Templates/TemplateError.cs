namespace MailMerge.Templates;

/// <summary>A Liquid syntax error, with the 1-based line and column where the parser stopped.</summary>
public sealed record TemplateError(string Message, int Line, int Column)
{
    /// <summary>The error as one line a person can act on.</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
