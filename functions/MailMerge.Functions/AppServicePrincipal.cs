using System.Text;
using System.Text.Json;

namespace MailMerge.Functions;

/// <summary>
/// Reads the roles of the caller App Service authentication put in the <c>X-MS-CLIENT-PRINCIPAL</c> header
/// (base64 JSON with <c>claims</c> of <c>typ</c>/<c>val</c> and the role claim type in <c>role_typ</c>).
/// </summary>
public static class AppServicePrincipal
{
    /// <summary>The caller's roles; none when the header is missing or malformed.</summary>
    public static IReadOnlyList<string> Roles(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 64 * 1024)
        {
            return [];
        }

        try
        {
            using JsonDocument principal = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            if (principal.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            string roleType = principal.RootElement.TryGetProperty("role_typ", out JsonElement type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()!
                : "roles";
            if (!principal.RootElement.TryGetProperty("claims", out JsonElement claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out JsonElement typ) && typ.ValueKind == JsonValueKind.String &&
                            (typ.GetString() == roleType || typ.GetString() == "roles") &&
                            c.TryGetProperty("val", out JsonElement val) && val.ValueKind == JsonValueKind.String)
                .Select(c => c.GetProperty("val").GetString()!)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return [];
        }
    }
}
