namespace MailMerge.Recipients;

/// <summary>One recipient's outcome as the report shows it.</summary>
public sealed record RecipientReportLine(
    int Line,
    string Email,
    string? Name,
    string Status,
    string? Reason,
    int? SmtpCode,
    string? SmtpText,
    string? MessageId,
    DateTimeOffset? SentAt,
    int Attempts,
    string? MissingFields)
{
    /// <summary>The report line of a row.</summary>
    public static RecipientReportLine From(RecipientRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Line, row.Email, row.DisplayName, row.Status, row.Reason, row.SmtpCode, row.SmtpText,
            row.MessageId is null || row.Status != nameof(RecipientStatus.Sent) ? null : $"<{row.MessageId}>", row.SentAt, row.Attempts, row.MissingFields);
    }
}
