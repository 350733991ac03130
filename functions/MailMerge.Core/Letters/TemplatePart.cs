using DocumentFormat.OpenXml;

namespace MailMerge.Letters;

/// <summary>A part of the template package rewritten on output (its zip entry name and parsed, normalised root).</summary>
internal sealed record TemplatePart(string EntryName, OpenXmlPartRootElement Root);
