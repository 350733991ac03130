using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using MailMerge.Api;
using Microsoft.Extensions.Options;

namespace MailMerge.Local;

/// <summary>
/// The local host's API keys: <c>MailMerge:ApiKey</c> (scopes from <c>MailMerge:ApiKeyScopes</c>, none by default)
/// and any number of named keys <c>MailMerge:ApiKeys:&lt;name&gt;:Key</c> with <c>:Scopes</c> (space- or
/// comma-separated, e.g. <c>journals.write</c>). A request's key decides its caller's permissions.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly List<(string Name, byte[] Key, string[] Scopes)> keys;

    private ApiKeyRing(List<(string Name, byte[] Key, string[] Scopes)> keys) => this.keys = keys;

    /// <summary>Reads and checks the keys; a short or repeated key stops the host with a message naming the setting.</summary>
    public static ApiKeyRing Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var keys = new List<(string Name, byte[] Key, string[] Scopes)>();
        void Add(string setting, string name, string? key, string? scopes)
        {
            if (key is null || key.Length < 16)
            {
                errors.Add($"{setting}: set an API key of at least 16 characters (environment variable {setting.Replace(":", "__", StringComparison.Ordinal)}); every route but /api/health requires one.");
                return;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(key);
            if (keys.Any(k => k.Key.AsSpan().SequenceEqual(bytes)))
            {
                errors.Add($"{setting}: this key is already used by another entry; give each key its own value.");
                return;
            }

            keys.Add((name, bytes, (scopes ?? string.Empty).Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries)));
        }

        Add("MailMerge:ApiKey", "default", configuration["MailMerge:ApiKey"], configuration["MailMerge:ApiKeyScopes"]);
        foreach (IConfigurationSection named in configuration.GetSection("MailMerge:ApiKeys").GetChildren())
        {
            IConfigurationSection scopes = named.GetSection("Scopes");
            string? scopeText = scopes.Value ?? string.Join(' ', scopes.GetChildren().Select(c => c.Value));
            Add($"MailMerge:ApiKeys:{named.Key}:Key", named.Key, named["Key"], scopeText);
        }

        return errors.Count > 0 ? throw new OptionsValidationException("MailMerge:ApiKey", typeof(ApiKeyRing), errors) : new ApiKeyRing(keys);
    }

    /// <summary>The caller a key stands for (name and scope claims), or null for an unknown key.</summary>
    public ClaimsPrincipal? Authenticate(string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        byte[] bytes = Encoding.UTF8.GetBytes(given);
        (string Name, byte[] Key, string[] Scopes)? match = null;
        foreach ((string Name, byte[] Key, string[] Scopes) key in keys)
        {
            // Every key is compared, so the time taken does not tell which one came close.
            if (CryptographicOperations.FixedTimeEquals(bytes, key.Key))
            {
                match = key;
            }
        }

        if (match is not { } found)
        {
            return null;
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, found.Name) };
        claims.AddRange(found.Scopes.Select(s => new Claim(CallerPermissions.ScopeClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "ApiKey"));
    }
}
