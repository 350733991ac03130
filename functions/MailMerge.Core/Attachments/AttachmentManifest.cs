namespace MailMerge.Attachments;

/// <summary>
/// The attachments a campaign froze (kept in its row as JSON). <paramref name="Set"/> names the copies: a draft
/// changed with PATCH freezes a new set, so a host never serves an older set from its cache.
/// </summary>
/// <param name="Set">Unique id of this frozen set.</param>
/// <param name="Files">The attachments in the order the request gave them.</param>
public sealed record AttachmentManifest(string Set, IReadOnlyList<AttachmentInfo> Files);
