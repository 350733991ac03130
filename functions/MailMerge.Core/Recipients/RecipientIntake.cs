namespace MailMerge.Recipients;

/// <summary>The outcome of checking a recipient list: rows to send, and rows skipped with their reason.</summary>
/// <param name="Sendable">Valid, first-seen recipients in list order.</param>
/// <param name="Skipped">Duplicates, invalid, excluded and suppressed addresses, in list order.</param>
public sealed record RecipientIntake(IReadOnlyList<RecipientRow> Sendable, IReadOnlyList<RecipientRow> Skipped)
{
    /// <summary>Number of rows skipped as duplicates.</summary>
    public int Duplicates => Skipped.Count(r => r.Status == nameof(RecipientStatus.Duplicate));

    /// <summary>Number of rows skipped as invalid.</summary>
    public int Invalid => Skipped.Count(r => r.Status == nameof(RecipientStatus.Invalid));

    /// <summary>Number of rows skipped by the campaign's exclusions list.</summary>
    public int Excluded => Skipped.Count(r => r.Status == nameof(RecipientStatus.Excluded));

    /// <summary>Number of rows skipped because the address is on the suppression list.</summary>
    public int Suppressed => Skipped.Count(r => r.Status == nameof(RecipientStatus.Suppressed));
}
