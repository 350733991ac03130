using DocumentFormat.OpenXml;

namespace MailMerge.Letters;

/// <summary>A part of the template package rewritten on output (its zip entry name and parsed, normalised root).</summary>
/// <param name="EntryName">The zip entry, e.g. <c>word/header1.xml</c>.</param>
/// <param name="Root">The parsed part, fields collapsed into markers.</param>
/// <param name="Section">For a header or footer: how the main document refers to it; null for other parts.</param>
internal sealed record TemplatePart(string EntryName, OpenXmlPartRootElement Root, SectionPartReference? Section = null);
