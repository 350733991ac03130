using System.Globalization;

namespace MailMerge.Recipients;

/// <summary>
/// Turns the caller's list into recipient rows: validates each address, skips the excluded and suppressed
/// ones, and drops repeated ones (ignoring letter case). Each skipped line keeps its reason.
/// </summary>
public static class RecipientIntakeBuilder
{
    /// <summary>The reason a suppressed line carries.</summary>
    public const string SuppressedReason = "Suppressed: the address is on the standing suppression list and never gets mail.";

    /// <summary>The row key of the n-th (0-based) sendable recipient; keys sort in send order.</summary>
    public static string SendKey(int index) => "s" + index.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>The row key of a row skipped at intake.</summary>
    public static string SkipKey(int line) => "x" + line.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>Builds the rows of campaign <paramref name="campaignId"/> from the inputs, in list order.</summary>
    /// <param name="campaignId">The partition of the rows.</param>
    /// <param name="inputs">The caller's lines.</param>
    /// <param name="exclusions">The campaign's exclusions (addresses and domains), if any.</param>
    /// <param name="suppressed">Keys (<see cref="RecipientAddress.Key"/>) of the addresses on the suppression list.</param>
    public static RecipientIntake Build(string campaignId, IEnumerable<RecipientInput> inputs, RecipientExclusions? exclusions = null, IReadOnlySet<string>? suppressed = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        exclusions ??= RecipientExclusions.None;
        var firstLineByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var sendable = new List<RecipientRow>();
        var skipped = new List<RecipientRow>();
        foreach (RecipientInput input in inputs)
        {
            string fields = MergeFieldLimits.Serialize(input.Fields);
            if (TooLarge(input.Fields, fields) is { } tooLarge)
            {
                // Fields too large for a row are not kept (storing them would fail the whole list): the row holds the reason.
                skipped.Add(Invalid(campaignId, input, "{}", tooLarge));
                continue;
            }

            if (!RecipientAddress.TryParse(input.Address, out RecipientAddress? address, out string? reason))
            {
                skipped.Add(Invalid(campaignId, input, fields, reason));
                continue;
            }

            bool isExcluded = exclusions.Excludes(address.Address, out string? excluded);
            bool isSuppressed = !isExcluded && suppressed is not null && suppressed.Contains(address.Key);
            if (isExcluded || isSuppressed)
            {
                skipped.Add(new RecipientRow
                {
                    PartitionKey = campaignId,
                    RowKey = SkipKey(input.Line),
                    Line = input.Line,
                    Email = address.Address,
                    DisplayName = address.DisplayName,
                    FieldsJson = fields,
                    Status = isExcluded ? nameof(RecipientStatus.Excluded) : nameof(RecipientStatus.Suppressed),
                    Reason = isExcluded ? $"Excluded: {excluded}" : SuppressedReason,
                });
                continue;
            }

            if (firstLineByKey.TryGetValue(address.Key, out int firstLine))
            {
                skipped.Add(new RecipientRow
                {
                    PartitionKey = campaignId,
                    RowKey = SkipKey(input.Line),
                    Line = input.Line,
                    Email = address.Address,
                    DisplayName = address.DisplayName,
                    FieldsJson = fields,
                    Status = nameof(RecipientStatus.Duplicate),
                    Reason = $"Same address as line {firstLine}; sent once, there.",
                    DuplicateOfLine = firstLine,
                });
                continue;
            }

            firstLineByKey[address.Key] = input.Line;
            sendable.Add(new RecipientRow
            {
                PartitionKey = campaignId,
                RowKey = SendKey(sendable.Count),
                Line = input.Line,
                Email = address.Address,
                DisplayName = address.DisplayName,
                FieldsJson = fields,
                Status = nameof(RecipientStatus.Pending),
            });
        }

        return new RecipientIntake(sendable, skipped);
    }

    private static RecipientRow Invalid(string campaignId, RecipientInput input, string fields, string reason) => new()
    {
        PartitionKey = campaignId,
        RowKey = SkipKey(input.Line),
        Line = input.Line,
        Email = Truncate(input.Address, 320),
        FieldsJson = fields,
        Status = nameof(RecipientStatus.Invalid),
        Reason = reason,
    };

    private static string? TooLarge(IReadOnlyDictionary<string, string> fields, string json)
    {
        foreach ((string name, string value) in fields)
        {
            if (MergeFieldLimits.CheckValue(value) is { } reason)
            {
                return $"Merge field '{name}': {reason}";
            }
        }

        return MergeFieldLimits.CheckStored(json);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
