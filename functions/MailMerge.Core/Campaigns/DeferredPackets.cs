namespace MailMerge.Campaigns;

/// <summary>The packets holding rows a retry pass should take up, and when the last of them may be tried (numbers only).</summary>
public sealed record DeferredPackets(IReadOnlyList<int> Packets, DateTimeOffset NotBefore);
