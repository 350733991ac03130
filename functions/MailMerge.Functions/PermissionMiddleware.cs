using System.Security.Claims;
using MailMerge.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;

namespace MailMerge.Functions;

/// <summary>
/// Sets the HTTP request's user from what Azure vouches for, so the handlers can check permissions as on the
/// local host: the scopes configured for the function key the caller used
/// (<c>MailMerge:Permissions:FunctionKeys:&lt;key name&gt;</c>), and, when App Service authentication is in front
/// (<c>MailMerge:Permissions:TrustAppServiceAuthentication</c>), the caller's app roles. Anything the caller sent
/// itself is never trusted: without those settings the user has no permissions.
/// </summary>
public sealed class PermissionMiddleware(IConfiguration configuration) : IFunctionsWorkerMiddleware
{
    /// <summary>The claim the Functions host adds with the name of the key that authorised the call.</summary>
    public const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Microsoft.AspNetCore.Http.HttpContext? http = context.GetHttpContext();
        if (http is not null)
        {
            var claims = new List<Claim>();
            HttpRequestData? request = await context.GetHttpRequestDataAsync();
            string? keyId = request?.Identities.SelectMany(i => i.Claims).FirstOrDefault(c => c.Type == KeyIdClaim)?.Value;
            if (keyId is not null && configuration[$"MailMerge:Permissions:FunctionKeys:{keyId}"] is { } scopes)
            {
                claims.AddRange(scopes.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(CallerPermissions.ScopeClaim, s)));
            }

            if (configuration.GetValue<bool>("MailMerge:Permissions:TrustAppServiceAuthentication"))
            {
                claims.AddRange(AppServicePrincipal.Roles(http.Request.Headers["X-MS-CLIENT-PRINCIPAL"].FirstOrDefault()).Select(r => new Claim("roles", r)));
            }

            http.User = new ClaimsPrincipal(new ClaimsIdentity(claims, claims.Count > 0 ? "Functions" : null));
        }

        await next(context);
    }
}
