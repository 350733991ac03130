using System.Text.Json.Serialization;

namespace MailMerge.Campaigns;

/// <summary>A recipient given inline in the request.</summary>
/// <param name="Email">A bare address or a full mailbox with a display name.</param>
/// <param name="Fields">Merge values by field name (text, numbers or true/false).</param>
public sealed record InlineRecipient(
    string? Email,
    [property: JsonConverter(typeof(MergeFieldsJsonConverter))] Dictionary<string, string?>? Fields);
