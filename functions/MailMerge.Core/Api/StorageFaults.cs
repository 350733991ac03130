using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>
/// Tells a storage outage from a bug: an exception that means Azure Storage (or the durable task backend behind it)
/// could not be reached or answered with a server error. Such a request is answered 503 with Retry-After, so the
/// caller knows to try again and that nothing is wrong with what it sent.
/// </summary>
public static class StorageFaults
{
    /// <summary>Seconds a caller is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>Whether <paramref name="exception"/> (or what it wraps) is storage being unreachable or failing.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RequestFailedException failed when failed.Status is 0 or 408 or >= 500:
                case HttpRequestException:
                case SocketException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }

            // The durable task client talks gRPC to its backend; an unreachable backend is RpcException(Unavailable).
            if (current.GetType().FullName == "Grpc.Core.RpcException" && current.Message.Contains("Unavailable", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The 503 answer.</summary>
    public static IResult Unavailable() => Problems.Status(
        StatusCodes.Status503ServiceUnavailable,
        "Storage is unavailable.",
        $"The service could not reach its storage. Nothing in the request was wrong; send it again in a few seconds (a create with the same Idempotency-Key never makes two).");

    /// <summary>Writes the 503 answer with its Retry-After header.</summary>
    public static async Task WriteUnavailableAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Unavailable().ExecuteAsync(context);
    }
}
