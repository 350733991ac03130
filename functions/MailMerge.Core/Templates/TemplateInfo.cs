namespace MailMerge.Templates;

/// <summary>What the template library knows about one stored template.</summary>
/// <param name="Name">The template's name (its blob name).</param>
/// <param name="Bytes">Size of the stored HTML in bytes (UTF-8).</param>
/// <param name="LastModified">When it was last stored.</param>
/// <param name="ETag">Its version as an HTTP entity tag, quoted (<c>"0x8DD…"</c>), for If-Match.</param>
public sealed record TemplateInfo(string Name, long Bytes, DateTimeOffset LastModified, string ETag);
