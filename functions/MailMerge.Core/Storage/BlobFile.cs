namespace MailMerge.Storage;

/// <summary>A file read from a <see cref="BlobFolder"/>: its properties and its whole content.</summary>
/// <param name="Info">Name, size, media type, metadata, ETag.</param>
/// <param name="Content">The bytes as stored.</param>
public sealed record BlobFile(BlobFileInfo Info, BinaryData Content);
