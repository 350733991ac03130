using System.Globalization;
using MailMerge.Storage;
using MailMerge.Templates;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>
/// The HTML template library: list, read, upload (create or replace, optionally conditional on the ETag) and
/// delete. A campaign copies its template when it is created, so nothing here changes an existing campaign.
/// </summary>
public sealed class TemplateApi(StorageBootstrap storage, TemplateStore templates)
{
    /// <summary>Largest template upload.</summary>
    public const long MaxTemplateBytes = 2 * 1024 * 1024;

    private const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary><c>GET /api/templates</c>: name, size, last change and ETag of each template, in name order, paged.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PageQuery.TryRead(request, out PageQuery? page, out IResult? pageProblem))
        {
            return pageProblem;
        }

        (int pageSize, string? continuation) = (page.PageSize, page.Continuation);
        await storage.EnsureCreatedAsync(cancellationToken);

        try
        {
            (IReadOnlyList<TemplateInfo> items, string? next) = await templates.ListPageAsync(pageSize, continuation, cancellationToken);
            return TypedResults.Ok(new
            {
                items = items.Select(View),
                continuation = next,
                next = next is null ? null : $"/api/templates?pageSize={pageSize}&continuation={Uri.EscapeDataString(next)}",
            });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or Azure.RequestFailedException { Status: 400 })
        {
            return Problems.Invalid("continuation", "The continuation token is not one this API gave out.");
        }
    }

    /// <summary>
    /// <c>GET /api/templates/{name}</c>: the HTML as stored (text/html) with its <c>ETag</c> and <c>Last-Modified</c>;
    /// 304 when <c>If-None-Match</c> names the stored version; 404 when there is none.
    /// </summary>
    public async Task<IResult> GetAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceName.IsValid(name))
        {
            return Problems.Invalid("name", ResourceName.Rule);
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        StoredTemplate? stored = await templates.ReadAsync(name, cancellationToken);
        if (stored is null)
        {
            return NotFound(name);
        }

        string? ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        bool unchanged = ifNoneMatch.Length > 0 && ifNoneMatch.Split(',').Any(t => t.Trim() == "*" || StripWeak(t.Trim()) == stored.Info.ETag);
        IResult body = unchanged ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Text(stored.Html, HtmlContentType);
        return WithVersion(body, stored.Info);
    }

    /// <summary>
    /// <c>PUT /api/templates/{name}</c>: stores an HTML (Liquid) template after checking its syntax, and its CSS
    /// inlining when it asks for it. 201 when new, 200 when it replaced one; <c>If-Match</c> replaces only that
    /// version, <c>If-None-Match: *</c> only creates (412 otherwise, and nothing is stored).
    /// </summary>
    public async Task<IResult> PutAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceName.IsValid(name))
        {
            return Problems.Invalid("name", ResourceName.Rule);
        }

        if (!TemplatePreconditions.TryRead(request.Headers, allowIfNoneMatch: true, out TemplateCondition? condition, out (string Header, string Reason)? headerError))
        {
            return Problems.Invalid(headerError.Value.Header, headerError.Value.Reason);
        }

        (BinaryData? data, string html, IResult? problem) = await UploadApi.ReadUploadAsync(request, name, MaxTemplateBytes, "The template is not valid UTF-8 text.", cancellationToken);
        if (data is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(html))
        {
            return Problems.Invalid("body", "The template is empty.");
        }

        if (!LiquidTemplate.TryParse(html, out _, out TemplateError? error))
        {
            return Problems.Invalid("body", $"Liquid syntax error at {error}.");
        }

        bool inlineCss = CssInliner.HasMarker(html);
        if (inlineCss && !CssInliner.TryInline(html, out _, out string? inlineError))
        {
            return Problems.Invalid("body", $"The template asks for CSS inlining ({CssInliner.MarkerName}), which fails: {inlineError}");
        }

        if (condition.IfMatch?.StartsWith("W/", StringComparison.Ordinal) == true)
        {
            return Stale(name, "If-Match");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        (TemplateWriteOutcome outcome, TemplateInfo? info) = await templates.WriteAsync(name, html, condition, cancellationToken);
        return outcome switch
        {
            TemplateWriteOutcome.Created => WithVersion(TypedResults.Created(Url(name), Describe(info!, inlineCss)), info!),
            TemplateWriteOutcome.Replaced => WithVersion(TypedResults.Ok(Describe(info!, inlineCss)), info!),
            // RFC 9110, 13.1.1: If-Match fails when there is no current version, and a failed precondition is 412.
            TemplateWriteOutcome.NotFound => Problem(StatusCodes.Status412PreconditionFailed, "If-Match", "The template does not exist.",
                $"There is no template '{name}' to replace, so If-Match cannot match; leave If-Match out (or send If-None-Match: *) to create it."),
            _ => condition.IfNoneExists
                ? Problem(StatusCodes.Status412PreconditionFailed, "If-None-Match", "The template exists.", $"A template '{name}' exists and 'If-None-Match: *' creates only; send If-Match with its ETag to replace it.")
                : Stale(name, "If-Match"),
        };
    }

    /// <summary><c>DELETE /api/templates/{name}</c>: 204; 404 when there is none; with <c>If-Match</c> only that version (412 otherwise).</summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceName.IsValid(name))
        {
            return Problems.Invalid("name", ResourceName.Rule);
        }

        if (!TemplatePreconditions.TryRead(request.Headers, allowIfNoneMatch: false, out TemplateCondition? condition, out (string Header, string Reason)? headerError))
        {
            return Problems.Invalid(headerError.Value.Header, headerError.Value.Reason);
        }

        if (condition.IfMatch?.StartsWith("W/", StringComparison.Ordinal) == true)
        {
            return Stale(name, "If-Match");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        return await templates.DeleteAsync(name, condition.IfMatch, cancellationToken) switch
        {
            TemplateWriteOutcome.Deleted => TypedResults.NoContent(),
            TemplateWriteOutcome.NotFound => NotFound(name),
            _ => Stale(name, "If-Match"),
        };
    }

    private static string Url(string name) => $"/api/templates/{name}";

    private static string StripWeak(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static IResult NotFound(string name) => Problems.NotFound($"No template '{name}'.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Stale(string name, string header) => Problem(
        StatusCodes.Status412PreconditionFailed, header, "The template changed.",
        $"Template '{name}' no longer has the ETag in {header}; read it again (GET /api/templates/{name}) and retry with the ETag it answers.");

    // A precondition failure names the header like a 400 names a field.
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string header, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [header] = [detail] } });

    private static HeaderResult WithVersion(IResult result, TemplateInfo info) => new HeaderResult(result, new Dictionary<string, string>
    {
        ["ETag"] = info.ETag,
        ["Last-Modified"] = info.LastModified.ToString("R", CultureInfo.InvariantCulture),
    });

    private static object View(TemplateInfo info) => new
    {
        name = info.Name,
        bytes = info.Bytes,
        lastModified = info.LastModified,
        etag = info.ETag,
        url = Url(info.Name),
    };

    private static object Describe(TemplateInfo info, bool inlineCss) => new
    {
        name = info.Name,
        bytes = info.Bytes,
        lastModified = info.LastModified,
        etag = info.ETag,
        inlineCss,
        url = Url(info.Name),
    };
}
