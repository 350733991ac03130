namespace MailMerge.Templates;

/// <summary>A message rendered for one recipient.</summary>
/// <param name="Subject">Plain-text subject (no line breaks).</param>
/// <param name="Html">HTML body with merge values HTML-encoded.</param>
/// <param name="Text">Plain-text alternative made from the HTML.</param>
/// <param name="MissingFields">Fields the templates used that had no value, sorted.</param>
/// <param name="UnsubscribeUrl">The one-click unsubscribe URL, when the campaign has one (values percent-encoded).</param>
public sealed record RenderedMessage(string Subject, string Html, string Text, IReadOnlyList<string> MissingFields, string? UnsubscribeUrl = null);
