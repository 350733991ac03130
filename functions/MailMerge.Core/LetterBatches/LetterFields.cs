using System.Globalization;
using MailMerge.Letters;

namespace MailMerge.LetterBatches;

/// <summary>
/// The merge fields a batch adds to each recipient's values: <c>registered_number</c> (S10, compact),
/// <c>registered_number_display</c> (S10 with spaces), <c>journal_number</c>, <c>received_date</c>,
/// <c>subject</c>, <c>delivery_method</c>, <c>storage_location</c> and <c>letter_line</c>.
/// </summary>
/// <remarks>The numbers always win over a recipient's own column of the same name; the other fields only fill in when the recipient has none.</remarks>
public static class LetterFields
{
    /// <summary>The names, for templates' authors and the template upload's answer.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["registered_number", "registered_number_display", "journal_number", "received_date", "subject", "delivery_method", "storage_location", "letter_line"];

    /// <summary>The recipient's values with the batch's fields added.</summary>
    public static Dictionary<string, string?> For(
        LetterBatchRecord batch, int line, IReadOnlyDictionary<string, string?> recipient, RegisteredNumber? registered, string? journalNumber)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(recipient);
        var values = new Dictionary<string, string?>(recipient, StringComparer.OrdinalIgnoreCase);
        Fill(values, "subject", batch.Subject);
        Fill(values, "delivery_method", DeliveryMethods.TryParse(batch.DeliveryMethod, out DeliveryMethod method) ? method.ToLabel() : batch.DeliveryMethod);
        Fill(values, "storage_location", batch.StorageLocation ?? string.Empty);
        Fill(values, "received_date", batch.ReceivedDate ?? string.Empty);
        Fill(values, "letter_line", line.ToString(CultureInfo.InvariantCulture));
        if (registered is { } number)
        {
            values["registered_number"] = number.ToString();
            values["registered_number_display"] = number.ToDisplayString();
        }

        if (journalNumber is not null)
        {
            values["journal_number"] = journalNumber;
        }

        return values;
    }

    private static void Fill(Dictionary<string, string?> values, string name, string value)
    {
        if (!values.TryGetValue(name, out string? given) || given is null)
        {
            values[name] = value;
        }
    }
}
