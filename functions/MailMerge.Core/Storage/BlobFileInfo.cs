using Azure;

namespace MailMerge.Storage;

/// <summary>A file's properties in a <see cref="BlobFolder"/>.</summary>
/// <param name="Name">The blob name within its container.</param>
/// <param name="Bytes">The content length.</param>
/// <param name="ContentType">The media type stored with it.</param>
/// <param name="Metadata">Its metadata (ASCII names and values).</param>
/// <param name="ETag">Changes with every upload.</param>
/// <param name="LastModified">When it was last stored.</param>
public sealed record BlobFileInfo(string Name, long Bytes, string? ContentType, IReadOnlyDictionary<string, string> Metadata, ETag ETag, DateTimeOffset LastModified);
