using MailMerge.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace MailMerge.Functions;

/// <summary>
/// Answers an HTTP function that failed because storage was unreachable with 503 problem+json and Retry-After, as the
/// local host does; other failures, and functions that are not HTTP triggers, go on as they would.
/// </summary>
public sealed partial class StorageFaultMiddleware(ILogger<StorageFaultMiddleware> log) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) && context.GetHttpContext() is not null)
        {
            LogUnavailable(log, context.FunctionDefinition.Name, ex.GetType().Name);
            await StorageFaults.WriteUnavailableAsync(context.GetHttpContext()!);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} answered 503: storage unavailable ({Error})")]
    private static partial void LogUnavailable(ILogger logger, string function, string error);
}
