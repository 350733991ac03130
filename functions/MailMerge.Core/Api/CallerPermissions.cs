using System.Security.Claims;

namespace MailMerge.Api;

/// <summary>
/// Permissions a caller holds, read from the request's user: scope claims (<c>scope</c>, <c>scp</c>, space-separated)
/// or role claims (<c>roles</c>, <see cref="ClaimTypes.Role"/>). The local host sets them from the API key's scopes;
/// the Functions app from the function key's configured scopes or App Service authentication roles.
/// </summary>
public static class CallerPermissions
{
    /// <summary>Registering letters in journals.</summary>
    public const string JournalsWrite = "journals.write";

    /// <summary>The claim type a host uses for each permission it grants.</summary>
    public const string ScopeClaim = "scope";

    private static readonly string[] ClaimTypesRead = [ScopeClaim, "scp", "roles", ClaimTypes.Role];

    /// <summary>True when <paramref name="user"/> holds <paramref name="permission"/>.</summary>
    public static bool Has(ClaimsPrincipal? user, string permission) =>
        user is not null && user.Claims.Any(c =>
            ClaimTypesRead.Contains(c.Type, StringComparer.Ordinal) &&
            c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(permission, StringComparer.Ordinal));
}
