using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>An answer with response headers of its own (ETag, Last-Modified) set before the inner answer runs.</summary>
public sealed class HeaderResult(IResult inner, IReadOnlyDictionary<string, string> headers) : IResult
{
    /// <summary>The answer without the headers.</summary>
    public IResult Inner { get; } = inner;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        foreach ((string name, string value) in headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        return Inner.ExecuteAsync(httpContext);
    }
}
