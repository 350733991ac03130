using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>The <c>pageSize</c> (1 to 1000, default 100) and <c>continuation</c> of a paged list, read from the query.</summary>
/// <param name="PageSize">Items per page.</param>
/// <param name="Continuation">The token as given (null when absent; an empty one is passed on as it is).</param>
public sealed record PageQuery(int PageSize, string? Continuation)
{
    /// <summary>Reads both; false with the 400 to answer when either is malformed.</summary>
    public static bool TryRead(HttpRequest request, [NotNullWhen(true)] out PageQuery? page, [NotNullWhen(false)] out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        page = null;
        int pageSize = 100;
        if (request.Query["pageSize"].FirstOrDefault() is { } sizeText &&
            (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            problem = Problems.Invalid("pageSize", "The page size must be a whole number from 1 to 1000.");
            return false;
        }

        string? continuation = request.Query["continuation"].FirstOrDefault();
        if (continuation is { Length: > 0 } && !ContinuationToken.IsWellFormed(continuation))
        {
            problem = Problems.Invalid("continuation", ContinuationToken.Rule);
            return false;
        }

        page = new PageQuery(pageSize, continuation);
        problem = null;
        return true;
    }
}
