namespace MailMerge.Templates;

/// <summary>A template read from the library: its HTML and the version read.</summary>
public sealed record StoredTemplate(TemplateInfo Info, string Html);
