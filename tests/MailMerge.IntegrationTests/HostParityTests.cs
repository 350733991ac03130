using System.Reflection;
using MailMerge.Api;
using MailMerge.Local;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MailMerge.IntegrationTests.Infrastructure;

namespace MailMerge.IntegrationTests;

/// <summary>The Functions app and the local host expose the same API and run the same workflow.</summary>
[Collection(LocalHostTests.Name)]
public class HostParityTests
{
    private static readonly Assembly FunctionsApp = typeof(MailMerge.Functions.HttpFunctions).Assembly;

    private static IEnumerable<(MethodInfo Method, string Name)> Functions() =>
        FunctionsApp.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Attribute is not null)
            .Select(f => (f.Method, f.Attribute!.Name));

    private static HashSet<string> FunctionsRoutes() =>
        Functions()
            .Select(f => f.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null))
            .Where(t => t is not null)
            .SelectMany(t => t!.Methods!.Select(m => $"{m.ToUpperInvariant()} api/{t.Route}"))
            .ToHashSet();

    [Fact]
    public async Task Every_http_trigger_has_the_same_route_and_verb_on_the_local_host()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        var local = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();

        HashSet<string> functions = FunctionsRoutes();
        Assert.Equal(ApiRoute.All.Count, functions.Count);
        Assert.Equal(functions.Order(StringComparer.Ordinal), local.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_http_trigger_but_health_needs_a_function_key()
    {
        var triggers = Functions()
            .Select(f => (f.Name, Trigger: f.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.Equal(
            ApiRoute.All.Single(r => r.Name == t.Name).Anonymous ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function,
            t.Trigger!.AuthLevel));
    }

    [Fact]
    public void Every_orchestrator_and_activity_has_its_function_wrapper()
    {
        var functions = Functions().ToList();
        foreach (Type orchestrator in MailMergeTasks.Orchestrators)
        {
            (MethodInfo method, _) = Assert.Single(functions, f => f.Name == orchestrator.Name);
            Assert.Contains(method.GetParameters(), p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null);
        }

        foreach (Type activity in MailMergeTasks.Activities)
        {
            (MethodInfo method, _) = Assert.Single(functions, f => f.Name == activity.Name);
            ParameterInfo trigger = Assert.Single(method.GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
            Type input = activity.BaseType!.GetGenericArguments()[0];
            Assert.Equal(input, trigger.ParameterType);
        }

        Assert.Equal(MailMergeTasks.Orchestrators.Count + MailMergeTasks.Activities.Count + ApiRoute.All.Count, functions.Count);
    }

    [Fact]
    public void Functions_app_build_output_has_host_json_and_lists_every_function()
    {
        string output = Path.GetDirectoryName(FunctionsApp.Location)!;
        string metadata = File.ReadAllText(Path.Combine(output, "functions.metadata"));
        foreach ((_, string name) in Functions())
        {
            Assert.Contains($"\"name\": \"{name}\"", metadata, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(output, "host.json")));
    }
}
