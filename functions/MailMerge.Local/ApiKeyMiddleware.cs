using System.Security.Cryptography;
using System.Text;
using MailMerge.Api;

namespace MailMerge.Local;

/// <summary>
/// Requires the API key on every route but the anonymous ones, in the header Azure Functions uses
/// (<c>x-functions-key</c>) or <c>X-Api-Key</c>, so a front end calls both hosts the same way.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, string apiKey)
{
    private readonly byte[] expected = Encoding.UTF8.GetBytes(apiKey);

    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<AllowAnonymousRoute>() is not null)
        {
            return next(context);
        }

        string? given = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Headers["X-Api-Key"].FirstOrDefault();
        if (given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected))
        {
            return next(context);
        }

        return Problems.Status(StatusCodes.Status401Unauthorized, "A valid API key is required.",
            given is null ? "Send the key in the x-functions-key (or X-Api-Key) header." : "The key sent is not this host's key.").ExecuteAsync(context);
    }
}

/// <summary>Endpoint metadata: the route needs no key (health).</summary>
public sealed class AllowAnonymousRoute;
