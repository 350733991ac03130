using System.Text;
using MailMerge.Recipients;
using MailMerge.Storage;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>Uploads of recipient CSV files (HTML templates: <see cref="TemplateApi"/>).</summary>
public sealed class UploadApi(StorageBootstrap storage, RecipientListStore lists)
{
    /// <summary>Largest recipient list upload.</summary>
    public const long MaxListBytes = 64 * 1024 * 1024;

    /// <summary><c>PUT /api/recipient-lists/{name}</c>: stores a CSV after reading it once, and says what it holds.</summary>
    public async Task<IResult> PutRecipientListAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        (BinaryData? data, _, IResult? problem) = await ReadUploadAsync(request, name, MaxListBytes, "The list is not valid UTF-8 text; export the CSV as UTF-8.", cancellationToken);
        if (data is null)
        {
            return problem!;
        }

        RecipientIntake intake;
        try
        {
            intake = RecipientIntakeBuilder.Build("preview", RecipientCsvReader.Read(data.ToStream()));
        }
        catch (RecipientCsvException ex)
        {
            return Problems.Invalid("body", ex.Message);
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        await lists.SaveAsync(name, data, cancellationToken);
        return TypedResults.Ok(new
        {
            name,
            rows = intake.Sendable.Count + intake.Skipped.Count,
            valid = intake.Sendable.Count,
            duplicates = intake.Duplicates,
            invalid = intake.Invalid,
        });
    }

    /// <summary>Checks the name, reads the body within the limit and decodes it as UTF-8; a problem answer otherwise.</summary>
    internal static async Task<(BinaryData? Data, string Text, IResult? Problem)> ReadUploadAsync(
        HttpRequest request, string name, long limit, string notUtf8, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceName.IsValid(name))
        {
            return (null, string.Empty, Problems.Invalid("name", ResourceName.Rule));
        }

        (BinaryData? data, IResult? problem) = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (data is null)
        {
            return (null, string.Empty, problem);
        }

        return TryDecode(data, out string text) ? (data, text, null) : (null, string.Empty, Problems.Invalid("body", notUtf8));
    }

    private static bool TryDecode(BinaryData data, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data.ToMemory().Span).TrimStart('\uFEFF');
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }
}
