namespace MailMerge.Recipients;

/// <summary>One recipient's outcome as the report shows it.</summary>
/// <param name="Sent">True only for a recipient the server accepted: the report's clear "sent" marker.</param>
/// <param name="Attempts">Sends started for this recipient (first try, retries and reconnects).</param>
/// <param name="SmtpCode">The last SMTP reply code of a refusal.</param>
/// <param name="SmtpText">The last SMTP reply text of a refusal.</param>
/// <param name="NextAttemptAt">For a Deferred recipient: not tried again before this time.</param>
public sealed record RecipientReportLine(
    int Line,
    string Email,
    string? Name,
    string Status,
    bool Sent,
    string? Reason,
    int? SmtpCode,
    string? SmtpText,
    string? MessageId,
    DateTimeOffset? SentAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? MissingFields)
{
    /// <summary>The report line of a row.</summary>
    public static RecipientReportLine From(RecipientRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        bool sent = row.Status == nameof(RecipientStatus.Sent);
        return new(row.Line, row.Email, row.DisplayName, row.Status, sent, row.Reason, row.SmtpCode, row.SmtpText,
            row.MessageId is null || !sent ? null : $"<{row.MessageId}>", row.SentAt, row.Attempts,
            row.Status == nameof(RecipientStatus.Deferred) ? row.NextAttemptAt : null, row.MissingFields);
    }
}
