using System.Text.Json;
using MailMerge.Json;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>Reads request bodies with a size limit, turning every malformed body into a problem answer.</summary>
public static class RequestBody
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes; null with a 413 problem when the body is larger (the one
    /// <paramref name="tooLarge"/> gives, when given).
    /// </summary>
    public static async Task<(BinaryData? Data, IResult? Problem)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken, Func<IResult>? tooLarge = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return (null, tooLarge?.Invoke() ?? TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, tooLarge?.Invoke() ?? TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return (BinaryData.FromBytes(buffer.ToArray()), null);
    }

    /// <summary>Reads a JSON body; a syntax or type error becomes a 400 naming the JSON path.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, long limit, CancellationToken cancellationToken)
        where T : class
    {
        (BinaryData? data, IResult? problem) = await ReadAsync(request, limit, cancellationToken);
        if (data is null)
        {
            return (null, problem);
        }

        if (data.ToMemory().IsEmpty)
        {
            return (null, Problems.Invalid("body", "The request body is empty; send a JSON object."));
        }

        try
        {
            ReadOnlySpan<byte> json = data.ToMemory().Span;
            json = json.StartsWith("\uFEFF"u8) ? json[3..] : json;
            T? value = JsonSerializer.Deserialize<T>(json, MailMergeJson.Options);
            return value is null ? (null, Problems.Invalid("body", "The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            string field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Problems.Invalid(field, $"{Describe(ex.Message)} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }
    }

    private static IResult TooLarge(long limit) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"Send at most {limit / 1024 / 1024} MB.");

    /// <summary>Says what was expected in words instead of .NET type names.</summary>
    private static string Describe(string message)
    {
        const string marker = "could not be converted to ";
        int at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return message.StartsWith("Merge field", StringComparison.Ordinal) ? message.TrimEnd('.') : "Not valid JSON here";
        }

        string type = message[(at + marker.Length)..];
        string expected =
            type.Contains("Int32", StringComparison.Ordinal) ? "a whole number" :
            type.Contains("Double", StringComparison.Ordinal) ? "a number" :
            type.Contains("DateTimeOffset", StringComparison.Ordinal) ? "a date and time with offset, e.g. 2026-12-01T09:00:00+01:00" :
            type.Contains("List`1", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) ? "an array" :
            type.Contains("Dictionary`2", StringComparison.Ordinal) ? "an object of field names and text values" :
            type.StartsWith("System.String", StringComparison.Ordinal) ? "a string" :
            type.StartsWith("System.Boolean", StringComparison.Ordinal) ? "true or false" :
            "an object";
        return $"Expected {expected} here";
    }
}
