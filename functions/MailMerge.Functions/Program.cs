using MailMerge;
using MailMerge.Json;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<MailMerge.Functions.StorageFaultMiddleware>();
builder.UseMiddleware<MailMerge.Functions.PermissionMiddleware>();
builder.Services.AddMailMerge();
builder.Services.ConfigureHttpJsonOptions(json => MailMergeJson.Apply(json.SerializerOptions));
builder.Build().Run();
