using System.Globalization;
using System.Text.Json;
using MailMerge.Json;

namespace MailMerge.Recipients;

/// <summary>Turns the caller's list into recipient rows: validates each address and drops repeated ones (ignoring letter case).</summary>
public static class RecipientIntakeBuilder
{
    /// <summary>The row key of the n-th (0-based) sendable recipient; keys sort in send order.</summary>
    public static string SendKey(int index) => "s" + index.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>The row key of a row skipped at intake.</summary>
    public static string SkipKey(int line) => "x" + line.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>Builds the rows of campaign <paramref name="campaignId"/> from the inputs, in list order.</summary>
    public static RecipientIntake Build(string campaignId, IEnumerable<RecipientInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var firstLineByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var sendable = new List<RecipientRow>();
        var skipped = new List<RecipientRow>();
        foreach (RecipientInput input in inputs)
        {
            string fields = JsonSerializer.Serialize(input.Fields, MailMergeJson.Options);
            if (!RecipientAddress.TryParse(input.Address, out RecipientAddress? address, out string? reason))
            {
                skipped.Add(new RecipientRow
                {
                    PartitionKey = campaignId,
                    RowKey = SkipKey(input.Line),
                    Line = input.Line,
                    Email = Truncate(input.Address, 320),
                    FieldsJson = fields,
                    Status = nameof(RecipientStatus.Invalid),
                    Reason = reason,
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

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
