using System.Globalization;
using System.Text.Json;
using MailMerge.Json;

namespace MailMerge.Recipients;

/// <summary>
/// How much merge data one recipient may carry. A recipient's fields are stored as one JSON text in one Table
/// property, and a Table string property holds at most 64 KiB (32,768 UTF-16 characters); the limits keep a margin.
/// </summary>
public static class MergeFieldLimits
{
    /// <summary>Longest value of one merge field, in characters.</summary>
    public const int MaxValueLength = 32_000;

    /// <summary>
    /// Longest JSON text of one recipient's fields as stored, in characters (UTF-16); letters outside ASCII are
    /// stored as six-character <c>\uXXXX</c> escapes and count as such.
    /// </summary>
    public const int MaxStoredLength = 32_000;

    /// <summary>The fields as the row stores them.</summary>
    public static string Serialize<TValue>(IReadOnlyDictionary<string, TValue> fields) => JsonSerializer.Serialize(fields, MailMergeJson.Options);

    /// <summary>
    /// Null when <paramref name="fields"/> fit, else the reason; <paramref name="field"/> names the field whose value
    /// alone is too long, or is null when only the fields together are.
    /// </summary>
    public static string? Check(IReadOnlyDictionary<string, string?> fields, out string? field)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach ((string name, string? value) in fields)
        {
            if (CheckValue(value) is { } reason)
            {
                field = name;
                return reason;
            }
        }

        field = null;
        return CheckStored(Serialize(fields));
    }

    /// <summary>Null when one field's value fits, else the reason.</summary>
    public static string? CheckValue(string? value) => value is null || value.Length <= MaxValueLength ? null :
        string.Create(CultureInfo.InvariantCulture, $"The value is {value.Length} characters long; a merge field holds at most {MaxValueLength}.");

    /// <summary>Null when the stored JSON of a recipient's fields fits, else the reason.</summary>
    public static string? CheckStored(string fieldsJson)
    {
        ArgumentNullException.ThrowIfNull(fieldsJson);
        return fieldsJson.Length <= MaxStoredLength ? null : string.Create(CultureInfo.InvariantCulture,
            $"The merge fields of this recipient take {fieldsJson.Length} characters as stored (JSON; a letter outside ASCII counts 6); at most {MaxStoredLength} fit in one recipient row.");
    }
}
