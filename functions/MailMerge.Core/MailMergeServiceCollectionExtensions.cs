using MailMerge.Api;
using MailMerge.Attachments;
using MailMerge.Campaigns;
using MailMerge.Counters;
using MailMerge.Journals;
using MailMerge.LetterBatches;
using MailMerge.Contacts;
using MailMerge.Recipients;
using MailMerge.Sending;
using MailMerge.Storage;
using MailMerge.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailMerge;

/// <summary>Registers MailMerge's services; both hosts call this once.</summary>
public static class MailMergeServiceCollectionExtensions
{
    /// <summary>Adds storage, stores, sending, the API handlers and the activity classes, with options validated at start.</summary>
    public static IServiceCollection AddMailMerge(this IServiceCollection services)
    {
        services.AddMailMergeStorage();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SendingOptions>().BindConfiguration(SendingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SenderOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                foreach (IConfigurationSection account in configuration.GetSection(SenderOptions.Section).GetChildren())
                {
                    var settings = new SenderAccount();
                    account.Bind(settings);
                    options.Accounts[account.Key] = settings;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SenderOptions>, SenderOptionsValidator>();

        services.AddSingleton<CampaignStore>();
        services.AddSingleton<RecipientTable>();
        services.AddSingleton<PacketLeaseTable>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<RecipientListStore>();
        services.AddSingleton<CampaignTemplateCache>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<CampaignAttachmentStore>();
        services.AddSingleton<CampaignAttachmentCache>();
        services.AddSingleton<AttachmentApi>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignStatusReader>();
        services.AddSingleton<MessageArchive>();
        services.AddSingleton<ArchiveApi>();
        services.AddSingleton<PacketSender>();
        services.AddSingleton<CampaignApi>();
        services.AddSingleton<UploadApi>();
        services.AddSingleton<TemplateApi>();
        services.AddSingleton<HealthApi>();
        services.AddSingleton<Suppressions.SuppressionList>();
        services.AddSingleton<SuppressionApi>();
        services.AddSingleton<CampaignRetry>();
        services.AddSingleton<DeliveryApi>();
        services.AddSingleton<CounterTable>();
        services.AddSingleton<JournalTable>();
        services.AddSingleton<LetterTemplateStore>();
        services.AddSingleton<LetterBatchStore>();
        services.AddSingleton<LetterTemplateCache>();
        services.AddSingleton<LetterBatchService>();
        services.AddSingleton<LetterBatchStatusReader>();
        services.AddSingleton<LetterTemplateApi>();
        services.AddSingleton<LetterBatchApi>();
        services.AddSingleton<JournalApi>();
        services.AddSingleton<CampaignControl>();
        services.AddSingleton<TestMessageSender>();
        services.AddSingleton<CampaignControlApi>();
        services.AddSingleton<ContactIndexTables>();
        services.AddSingleton<ContactStore>();
        services.AddSingleton<ContactSearch>();
        services.AddSingleton<ContactImporter>();
        services.AddSingleton<ContactResolver>();
        services.AddSingleton<ContactApi>();
        foreach (Type activity in MailMergeTasks.Activities)
        {
            services.AddTransient(activity);
        }

        return services;
    }
}
