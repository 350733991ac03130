namespace MailMerge.Recipients;

/// <summary>How the sent copies of a campaign fared.</summary>
/// <param name="Sent">Recipients the server accepted.</param>
/// <param name="Archived">Sent copies stored in the archive folder.</param>
/// <param name="ArchiveFailed">Sent messages whose copy could not be stored.</param>
/// <param name="ImapAppended">Sent copies appended to the sender's IMAP Sent folder.</param>
/// <param name="ImapFailed">Sent copies that could not be appended.</param>
public sealed record ArchiveCounts(int Sent, int Archived, int ArchiveFailed, int ImapAppended, int ImapFailed);
