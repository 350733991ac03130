using System.Text.Json.Nodes;
using Azure.Data.Tables;
using MailMerge.Campaigns;
using MailMerge.IntegrationTests.Infrastructure;
using MailMerge.Sending;
using MailMerge.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace MailMerge.IntegrationTests;

[Collection(LocalHostTests.Name)]
public class WorkflowTests
{
    private static object[] Recipients(int count) =>
        Enumerable.Range(1, count).Select(i => (object)new { email = $"person{i:000}@example.test", fields = new Dictionary<string, string> { ["n"] = $"{i}" } }).ToArray();

    [Fact]
    public async Task Long_campaign_continues_as_new_and_keeps_addresses_out_of_history_and_status()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        string hub = app.Host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["MailMerge:TaskHub"]!;
        string id = await app.CreateCampaignAsync(new
        {
            name = "long", subject = "Hello {{ n }}", body = "<p>{{ n }}</p>", sender = "test", packetSize = 1, recipients = Recipients(45),
        });
        JsonNode status = await app.WaitForEndAsync(id, TimeSpan.FromMinutes(3));

        Assert.Equal("Completed", status["state"]!.GetValue<string>());
        Assert.Equal(45, status["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(45, app.Smtp.Messages.SelectMany(m => m.Recipients).Distinct().Count());
        Assert.Equal(45, app.Smtp.Messages.Count);

        // The last generation's input is a cursor past the first generation's packets: the orchestration continued as new.
        Microsoft.DurableTask.Client.OrchestrationMetadata instance = (await app.Host.Services
            .GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>().GetInstanceAsync(id, getInputsAndOutputs: true))!;
        CampaignCursor cursor = instance.ReadInputAs<CampaignCursor>()!;
        Assert.True(cursor.NextPacket >= CampaignOrchestrator.PacketsPerGeneration, $"last generation started at packet {cursor.NextPacket}");
        Assert.True(cursor.Started);

        var history = new TableClient(Azurite.ConnectionString, hub + "History");
        var text = new System.Text.StringBuilder();
        await foreach (TableEntity row in history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
        {
            foreach (KeyValuePair<string, object> property in row)
            {
                text.Append(property.Value).Append('\n');
            }
        }

        var instances = new TableClient(Azurite.ConnectionString, hub + "Instances");
        await foreach (TableEntity row in instances.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
        {
            foreach (KeyValuePair<string, object> property in row)
            {
                text.Append(property.Value).Append('\n');
            }
        }

        Assert.True(text.Length > 0, "no history was found for the campaign");
        Assert.DoesNotContain("@example.test", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("person0", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Packet_run_again_sends_nothing_twice_and_reports_the_same_counts()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync(a => a.StartsWith("gone", StringComparison.Ordinal) ? (550, "no such user") : null);
        string id = await app.CreateCampaignAsync(new
        {
            name = "again", subject = "Hi", body = "<p>{{ n }}</p>", sender = "test", packetSize = 10,
            recipients = Recipients(4).Append(new { email = "gone@example.test", fields = new Dictionary<string, string>() }).ToArray(),
        });
        await app.WaitForEndAsync(id);
        int received = app.Smtp.Messages.Count;

        PacketResult again = await app.Host.Services.GetRequiredService<PacketSender>().SendAsync(new PacketRequest(id, 0, 10, 0), CancellationToken.None);

        Assert.Equal(4, again.Sent);
        Assert.Equal(1, again.Failed);
        Assert.Equal(0, again.Connections);
        Assert.Equal(received, app.Smtp.Messages.Count);
    }

    [Fact]
    public async Task Templates_are_parsed_once_per_campaign_not_per_message()
    {
        await using MailMergeApp app = await MailMergeApp.StartAsync();
        CampaignTemplateCache cache = app.Host.Services.GetRequiredService<CampaignTemplateCache>();
        int before = cache.Loads;
        string id = await app.CreateCampaignAsync(new { name = "cache", subject = "Hi", body = "<p>{{ n }}</p>", sender = "test", packetSize = 2, recipients = Recipients(10) });
        await app.WaitForEndAsync(id);

        Assert.Equal(10, app.Smtp.Messages.Count);
        Assert.Equal(before + 1, cache.Loads);
    }
}
