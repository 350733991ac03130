namespace MailMerge.Contacts;

/// <summary>A page of search results; pass <paramref name="Continuation"/> back for the next page (null at the end).</summary>
/// <param name="Items">The contacts found, in the order of the matched word or address.</param>
/// <param name="Continuation">Token for the next page, or null when nothing more matches.</param>
public sealed record ContactSearchPage(IReadOnlyList<ContactSearchHit> Items, string? Continuation);
