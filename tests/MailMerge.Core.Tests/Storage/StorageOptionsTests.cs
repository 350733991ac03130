using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MailMerge.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailMerge.Tests.Storage;

public class StorageOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton(configuration).AddMailMergeStorage().BuildServiceProvider();
    }

    [Fact]
    public void Connection_string_binds_to_the_azurite_path()
    {
        using ServiceProvider services = Build(new() { ["MailMerge:Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        StorageOptions options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.False(options.UsesIdentity);
        Assert.Equal("devstoreaccount1", services.GetRequiredService<BlobServiceClient>().AccountName);
    }

    [Fact]
    public void Service_uris_and_client_id_bind_to_the_identity_path()
    {
        using ServiceProvider services = Build(new()
        {
            ["MailMerge:Storage:BlobServiceUri"] = "https://mmstore.blob.core.windows.net",
            ["MailMerge:Storage:TableServiceUri"] = "https://mmstore.table.core.windows.net",
            ["MailMerge:Storage:ClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        StorageOptions options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.True(options.UsesIdentity);
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ClientId);
        Assert.Equal(new Uri("https://mmstore.blob.core.windows.net"), services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal("mmstore", services.GetRequiredService<TableServiceClient>().AccountName);
    }

    [Fact]
    public void Account_name_alone_derives_both_service_uris()
    {
        var options = new StorageOptions { AccountName = "mmstore" };
        Assert.Equal(new Uri("https://mmstore.blob.core.windows.net"), options.ResolvedBlobServiceUri);
        Assert.Equal(new Uri("https://mmstore.table.core.windows.net"), options.ResolvedTableServiceUri);
    }

    [Fact]
    public void No_storage_setting_fails_validation_naming_the_settings()
    {
        using ServiceProvider services = Build([]);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("MailMerge:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
