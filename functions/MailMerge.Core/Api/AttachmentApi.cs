using MailMerge.Attachments;
using MailMerge.Storage;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>
/// Uploads, lists, reads and deletes attachment files. The file's bytes are the request body, its media type the
/// Content-Type header, and the name recipients see the <c>fileName</c> query parameter (percent-encoded UTF-8,
/// any letters; the resource name when left out).
/// </summary>
public sealed class AttachmentApi(StorageBootstrap storage, AttachmentStore attachments)
{
    /// <summary><c>PUT /api/attachments/{name}?fileName=…</c>: stores or replaces the file; 413 when it is over the limit.</summary>
    public async Task<IResult> PutAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (!ResourceName.IsValid(name))
        {
            errors["name"] = [ResourceName.Rule];
        }

        string fileName = string.Empty;
        if (RawFileName(request.QueryString.Value) is { } raw && !AttachmentFileName.TryDecodeQueryValue(raw, out _))
        {
            errors["fileName"] = ["The file name is not percent-encoded UTF-8 (e.g. %C5%81 for 'Ł'); encode it with encodeURIComponent or curl --data-urlencode."];
        }
        else if (!AttachmentFileName.TryNormalize(request.Query["fileName"].FirstOrDefault() ?? name, out fileName, out string fileNameProblem))
        {
            errors["fileName"] = [fileNameProblem];
        }

        string? mediaType = null;
        if (errors.Count == 0 && !AttachmentMediaType.TryResolve(request.ContentType, fileName, out mediaType, out string typeProblem))
        {
            errors["Content-Type"] = [typeProblem];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        (BinaryData? data, IResult? problem) = await RequestBody.ReadAsync(request, AttachmentLimits.MaxFileBytes, cancellationToken, () => Problems.TooLarge(
            "body",
            $"The file is larger than {AttachmentLimits.Describe(AttachmentLimits.MaxFileBytes)}, the most one attachment may be ({AttachmentLimits.MaxFileBytes} bytes).",
            AttachmentLimits.MaxFileBytes));
        if (data is null)
        {
            return problem!;
        }

        if (data.ToMemory().IsEmpty)
        {
            return Problems.Invalid("body", "The file is empty; send its bytes as the request body.");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        return TypedResults.Ok(View(await attachments.SaveAsync(name, fileName, mediaType!, data, cancellationToken)));
    }

    /// <summary>
    /// The first <c>fileName</c> value of the query as sent, before decoding: the framework's decoder keeps bytes that
    /// are not UTF-8 (<c>%C3%28</c>) as literal text instead of refusing them.
    /// </summary>
    private static string? RawFileName(string? query)
    {
        foreach (string part in (query ?? string.Empty).TrimStart('?').Split('&'))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part.AsSpan(0, equals).Equals("fileName", StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..];
            }
        }

        return null;
    }

    /// <summary><c>GET /api/attachments</c>: every uploaded attachment, in name order.</summary>
    public async Task<IResult> ListAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return TypedResults.Ok(new { items = (await attachments.ListAsync(cancellationToken)).Select(View) });
    }

    /// <summary><c>GET /api/attachments/{name}</c>: its description, or with <c>?format=file</c> the file itself.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string format = request.Query["format"].FirstOrDefault() ?? "json";
        bool file = string.Equals(format, "file", StringComparison.OrdinalIgnoreCase);
        if (!file && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("format", "Use 'json' (the description, default) or 'file' (the file itself).");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        if (!ResourceName.IsValid(name))
        {
            return Problems.NotFound($"No attachment '{name}'.");
        }

        if (!file)
        {
            AttachmentInfo? info = await attachments.DescribeAsync(name, cancellationToken);
            return info is null ? Problems.NotFound($"No attachment '{name}'.") : TypedResults.Ok(View(info));
        }

        AttachmentFile? found = await attachments.FindAsync(name, cancellationToken);
        return found is null
            ? Problems.NotFound($"No attachment '{name}'.")
            : TypedResults.File(found.Content.ToArray(), found.Info.ContentType, found.Info.FileName);
    }

    /// <summary><c>DELETE /api/attachments/{name}</c>: 204; campaigns that use it keep their own copies.</summary>
    public async Task<IResult> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return ResourceName.IsValid(name) && await attachments.DeleteAsync(name, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"No attachment '{name}'.");
    }

    private static object View(AttachmentInfo info) => new
    {
        name = info.Name,
        fileName = info.FileName,
        contentType = info.ContentType,
        bytes = info.Bytes,
        sha256 = info.Sha256,
        updatedAt = info.UpdatedAt,
        downloadUrl = $"/api/attachments/{info.Name}?format=file",
    };
}
