namespace MailMerge.Letters;

/// <summary>How the main document refers to a header or footer part: what a copy of it needs to be added.</summary>
internal sealed record SectionPartReference(string RelationshipId, string RelationshipType, string ContentType);
