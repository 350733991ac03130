using MailMerge.Campaigns;
using MailMerge.LetterBatches;
using MailMerge.Sending;
using Microsoft.DurableTask;

namespace MailMerge;

/// <summary>Every orchestrator and activity, registered the same way on both hosts.</summary>
public static class MailMergeTasks
{
    /// <summary>Orchestrator classes.</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(CampaignOrchestrator), typeof(LetterBatchOrchestrator)];

    /// <summary>Activity classes.</summary>
    public static IReadOnlyList<Type> Activities { get; } =
        [typeof(LoadCampaignPlanActivity), typeof(RecordCampaignStateActivity), typeof(SendPacketActivity), typeof(FindDeferredActivity),
         typeof(PrepareLetterBatchActivity), typeof(RenderLetterChunkActivity), typeof(AssembleCombinedLettersActivity), typeof(RecordLetterBatchStateActivity),
         typeof(CancelRecipientsActivity)];

    /// <summary>Adds them to a Durable Task registry (the local host's worker).</summary>
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (Type orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (Type activity in Activities)
        {
            registry.AddActivity(activity);
        }
    }
}
