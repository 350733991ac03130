using System.Text.Json;
using System.Text.Json.Serialization;
using MailMerge.Campaigns;

namespace MailMerge.LetterBatches;

/// <summary>
/// Reads inline letter recipients: an array whose items are objects of merge fields, or objects with the
/// fields under <c>fields</c> (the e-mail campaign's shape). Values are read as text, as for campaigns.
/// </summary>
public sealed class LetterRecipientsJsonConverter : JsonConverter<List<Dictionary<string, string?>>>
{
    private static readonly MergeFieldsJsonConverter Fields = new();

    /// <inheritdoc />
    public override List<Dictionary<string, string?>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Recipients must be an array of objects of merge fields.");
        }

        var recipients = new List<Dictionary<string, string?>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Merge fields must be an object of field names and values.");
            }

            Utf8JsonReader probe = reader;
            bool wrapped = probe.Read() && probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals("fields")
                && probe.Read() && probe.TokenType == JsonTokenType.StartObject;
            if (wrapped)
            {
                reader.Read();
                reader.Read();
                recipients.Add(Fields.Read(ref reader, typeof(Dictionary<string, string?>), options));
                if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                {
                    throw new JsonException("A recipient given as {\"fields\": {...}} must have nothing beside 'fields'.");
                }
            }
            else
            {
                recipients.Add(Fields.Read(ref reader, typeof(Dictionary<string, string?>), options));
            }
        }

        return recipients;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, List<Dictionary<string, string?>> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (Dictionary<string, string?> recipient in value)
        {
            Fields.Write(writer, recipient, options);
        }

        writer.WriteEndArray();
    }
}
