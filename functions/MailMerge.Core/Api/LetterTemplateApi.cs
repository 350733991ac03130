using MailMerge.LetterBatches;
using MailMerge.Letters;
using MailMerge.Storage;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>Uploads and reads of Word letter templates.</summary>
public sealed class LetterTemplateApi(StorageBootstrap storage, LetterTemplateStore templates)
{
    /// <summary>Largest template upload.</summary>
    public const long MaxTemplateBytes = 20 * 1024 * 1024;

    /// <summary><c>PUT /api/letter-templates/{name}</c>: stores a .docx after reading it, and answers with its fields.</summary>
    public async Task<IResult> PutAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceName.IsValid(name))
        {
            return Problems.Invalid("name", ResourceName.Rule);
        }

        (BinaryData? data, IResult? problem) = await RequestBody.ReadAsync(request, MaxTemplateBytes, cancellationToken);
        if (data is null)
        {
            return problem!;
        }

        DocxTemplate template;
        try
        {
            template = DocxTemplate.Load(data.ToStream());
        }
        catch (LetterTemplateException ex)
        {
            return Problems.Invalid("body", $"The upload is not a usable Word document (.docx): {ex.Message}");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        await templates.SaveAsync(name, data, cancellationToken);
        return TypedResults.Ok(Describe(name, data, template));
    }

    /// <summary><c>GET /api/letter-templates/{name}</c>: its fields (JSON), or with <c>?format=docx</c> the file itself.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await storage.EnsureCreatedAsync(cancellationToken);
        BinaryData? data = ResourceName.IsValid(name) ? await templates.FindAsync(name, cancellationToken) : null;
        if (data is null)
        {
            return Problems.NotFound($"No letter template '{name}'.");
        }

        string format = request.Query["format"].FirstOrDefault() ?? "json";
        if (string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.File(data.ToArray(), LetterTemplateStore.DocxContentType, name + ".docx");
        }

        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("format", "Use 'json' (default) or 'docx'.");
        }

        try
        {
            return TypedResults.Ok(Describe(name, data, DocxTemplate.Load(data.ToStream())));
        }
        catch (LetterTemplateException ex)
        {
            // Stored before uploads were checked as they are now; the file itself can still be downloaded.
            return Problems.Status(StatusCodes.Status409Conflict, "The stored letter template cannot be used.", $"{ex.Message} Upload it again.");
        }
    }

    private static object Describe(string name, BinaryData data, DocxTemplate template) => new
    {
        name,
        bytes = data.ToMemory().Length,
        fields = template.Fields,
        batchFields = LetterFields.Names,
        hasContextMarkers = template.HasContextMarkers,
        contextMarkerProblem = template.ContextMarkerProblem,
        combined = template.ContextMarkerProblem is not null
            ? "refused: " + template.ContextMarkerProblem
            : template.HasContextMarkers
                ? $"the part between {ContextLayout.BeginMarker} and {ContextLayout.EndMarker} repeats per recipient"
                : "the whole document repeats per recipient (no context markers)",
        downloadUrl = $"/api/letter-templates/{name}?format=docx",
    };
}
