using System.Security.Claims;
using System.Text;
using MailMerge.Api;
using MailMerge.Functions;
using MailMerge.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MailMerge.IntegrationTests;

/// <summary>Who holds which permission, on both hosts (pure logic, no server).</summary>
public class PermissionTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void A_named_local_key_carries_its_scopes_and_the_main_key_none_by_default()
    {
        ApiKeyRing ring = ApiKeyRing.Load(Settings(
            ("MailMerge:ApiKey", "main-key-0123456789"),
            ("MailMerge:ApiKeys:clerk:Key", "clerk-key-0123456789"),
            ("MailMerge:ApiKeys:clerk:Scopes", "letters.read, journals.write")));

        ClaimsPrincipal clerk = ring.Authenticate("clerk-key-0123456789")!;
        Assert.True(CallerPermissions.Has(clerk, CallerPermissions.JournalsWrite));
        Assert.Equal("clerk", clerk.Identity!.Name);
        Assert.False(CallerPermissions.Has(ring.Authenticate("main-key-0123456789"), CallerPermissions.JournalsWrite));
        Assert.Null(ring.Authenticate("clerk-key-012345678"));
    }

    [Fact]
    public void A_short_or_repeated_key_stops_the_host_naming_the_setting()
    {
        var shortKey = Assert.Throws<OptionsValidationException>(() => ApiKeyRing.Load(Settings(
            ("MailMerge:ApiKey", "main-key-0123456789"), ("MailMerge:ApiKeys:clerk:Key", "short"))));
        Assert.Contains("MailMerge:ApiKeys:clerk:Key", shortKey.Message, StringComparison.Ordinal);

        var repeated = Assert.Throws<OptionsValidationException>(() => ApiKeyRing.Load(Settings(
            ("MailMerge:ApiKey", "main-key-0123456789"), ("MailMerge:ApiKeys:clerk:Key", "main-key-0123456789"))));
        Assert.Contains("already used", repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_service_roles_are_read_from_the_client_principal_header_and_garbage_gives_none()
    {
        string json = """{"auth_typ":"aad","name_typ":"name","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","claims":[{"typ":"name","val":"Ala"},{"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"journals.write"},{"typ":"roles","val":"letters.read"}]}""";
        Assert.Equal(["journals.write", "letters.read"], AppServicePrincipal.Roles(Convert.ToBase64String(Encoding.UTF8.GetBytes(json))));
        Assert.Empty(AppServicePrincipal.Roles("not base64!"));
        Assert.Empty(AppServicePrincipal.Roles(Convert.ToBase64String(Encoding.UTF8.GetBytes("[1,2]"))));
        Assert.Empty(AppServicePrincipal.Roles(null));

        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", "journals.write")], "test"));
        Assert.True(CallerPermissions.Has(user, CallerPermissions.JournalsWrite));
        Assert.False(CallerPermissions.Has(new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", "journals.writer")])), CallerPermissions.JournalsWrite));
    }
}
