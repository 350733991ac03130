using System.Security.Claims;
using MailMerge.Api;

namespace MailMerge.Local;

/// <summary>
/// Requires the API key on every route but the anonymous ones, in the header Azure Functions uses
/// (<c>x-functions-key</c>) or <c>X-Api-Key</c>, so a front end calls both hosts the same way. The key's
/// scopes become the request user's claims, which the handlers check for permissions.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys)
{
    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<AllowAnonymousRoute>() is not null)
        {
            return next(context);
        }

        string? given = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Headers["X-Api-Key"].FirstOrDefault();
        if (given is not null && keys.Authenticate(given) is ClaimsPrincipal caller)
        {
            context.User = caller;
            return next(context);
        }

        return Problems.Status(StatusCodes.Status401Unauthorized, "A valid API key is required.",
            given is null ? "Send the key in the x-functions-key (or X-Api-Key) header." : "The key sent is not this host's key.").ExecuteAsync(context);
    }
}

/// <summary>Endpoint metadata: the route needs no key (health).</summary>
public sealed class AllowAnonymousRoute;
