using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary><c>GET /api/health</c>: answers without a key so load balancers and scripts can probe the host.</summary>
public static class HealthApi
{
    /// <summary>The health answer.</summary>
    public static IResult Get() => TypedResults.Ok(new { status = "ok" });
}
