using MailMerge.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace MailMerge.Local;

/// <summary>Answers a request that failed because storage was unreachable with 503 problem+json and Retry-After (other failures stay 500).</summary>
public sealed partial class StorageFaultHandler(ILogger<StorageFaultHandler> log) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!StorageFaults.IsUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(log, httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName ?? "(no route)", exception.GetType().Name);
        await StorageFaults.WriteUnavailableAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Route} answered 503: storage unavailable ({Error})")]
    private static partial void LogUnavailable(ILogger logger, string method, string route, string error);
}
