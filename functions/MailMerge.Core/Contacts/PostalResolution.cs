namespace MailMerge.Contacts;

/// <summary>What a selection resolves to for letters: who gets one, and who cannot (no postal address) or twice (duplicate).</summary>
/// <param name="Recipients">Every letter, in order.</param>
/// <param name="Dropped">Every contact left out, with its reason.</param>
public sealed record PostalResolution(IReadOnlyList<PostalRecipient> Recipients, IReadOnlyList<DroppedLine> Dropped);
