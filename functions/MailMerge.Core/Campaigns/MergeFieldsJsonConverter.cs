using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailMerge.Campaigns;

/// <summary>
/// Reads merge fields as text: a CRM sends numbers and booleans as JSON numbers and literals, and a merge
/// field only ever prints text. Objects and arrays are refused, naming the field.
/// </summary>
public sealed class MergeFieldsJsonConverter : JsonConverter<Dictionary<string, string?>>
{
    /// <inheritdoc />
    public override Dictionary<string, string?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Merge fields must be an object of field names and values.");
        }

        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            if (fields.ContainsKey(name))
            {
                throw new JsonException($"Merge field '{name}' is given twice (field names ignore letter case).");
            }

            reader.Read();
            fields[name] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                JsonTokenType.Null => null,
                _ => throw new JsonException($"Merge field '{name}' must be text, a number or true/false."),
            };
        }

        return fields;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Dictionary<string, string?> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach ((string name, string? text) in value)
        {
            writer.WriteString(name, text);
        }

        writer.WriteEndObject();
    }
}
