using MailMerge.Campaigns;
using MailMerge.LetterBatches;
using MailMerge.Sending;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MailMerge.Functions;

/// <summary>
/// One-line [Function] wrappers around each orchestrator and activity class of Core (the class-based source
/// generator is not available, so a test checks that every registered task has its wrapper here).
/// </summary>
public sealed class WorkflowFunctions(
    LoadCampaignPlanActivity loadPlan,
    RecordCampaignStateActivity recordState,
    SendPacketActivity sendPacket,
    FindDeferredActivity findDeferred,
    PrepareLetterBatchActivity prepareLetters,
    RenderLetterChunkActivity renderLetters,
    AssembleCombinedLettersActivity assembleLetters,
    RecordLetterBatchStateActivity recordLetters,
    CancelRecipientsActivity cancelRecipients)
{
    /// <summary>The campaign orchestration.</summary>
    [Function(nameof(CampaignOrchestrator))]
    public static Task<CampaignState> RunCampaign([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CampaignOrchestrator().RunAsync(context, context.GetInput<CampaignCursor>()!);

    /// <summary>Loads a campaign's pacing numbers.</summary>
    [Function(nameof(LoadCampaignPlanActivity))]
    public Task<CampaignPlan> LoadPlan([ActivityTrigger] string campaignId, FunctionContext function) =>
        loadPlan.RunAsync(new FunctionActivityContext(nameof(LoadCampaignPlanActivity), function), campaignId);

    /// <summary>Records a campaign's state change.</summary>
    [Function(nameof(RecordCampaignStateActivity))]
    public Task<bool> RecordState([ActivityTrigger] CampaignTransition transition, FunctionContext function) =>
        recordState.RunAsync(new FunctionActivityContext(nameof(RecordCampaignStateActivity), function), transition);

    /// <summary>Sends one packet.</summary>
    [Function(nameof(SendPacketActivity))]
    public Task<PacketResult> SendPacket([ActivityTrigger] PacketRequest packet, FunctionContext function) =>
        sendPacket.RunAsync(new FunctionActivityContext(nameof(SendPacketActivity), function), packet);

    /// <summary>Finds the packets holding rows for a retry pass.</summary>
    [Function(nameof(FindDeferredActivity))]
    public Task<DeferredPackets> FindDeferred([ActivityTrigger] DeferredQuery query, FunctionContext function) =>
        findDeferred.RunAsync(new FunctionActivityContext(nameof(FindDeferredActivity), function), query);
    /// <summary>The letter batch orchestration.</summary>
    [Function(nameof(LetterBatchOrchestrator))]
    public static Task<LetterBatchState> RunLetterBatch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new LetterBatchOrchestrator().RunAsync(context, context.GetInput<LetterBatchCursor>()!);

    /// <summary>Reserves a letter batch's numbers.</summary>
    [Function(nameof(PrepareLetterBatchActivity))]
    public Task<LetterBatchPlan> PrepareLetters([ActivityTrigger] string batchId, FunctionContext function) =>
        prepareLetters.RunAsync(new FunctionActivityContext(nameof(PrepareLetterBatchActivity), function), batchId);

    /// <summary>Renders one chunk of letters.</summary>
    [Function(nameof(RenderLetterChunkActivity))]
    public Task<LetterTotals> RenderLetters([ActivityTrigger] LetterChunk chunk, FunctionContext function) =>
        renderLetters.RunAsync(new FunctionActivityContext(nameof(RenderLetterChunkActivity), function), chunk);

    /// <summary>Writes a batch's combined document.</summary>
    [Function(nameof(AssembleCombinedLettersActivity))]
    public Task<int> AssembleLetters([ActivityTrigger] string batchId, FunctionContext function) =>
        assembleLetters.RunAsync(new FunctionActivityContext(nameof(AssembleCombinedLettersActivity), function), batchId);

    /// <summary>Records a letter batch's outcome.</summary>
    [Function(nameof(RecordLetterBatchStateActivity))]
    public Task<bool> RecordLetters([ActivityTrigger] LetterBatchTransition transition, FunctionContext function) =>
        recordLetters.RunAsync(new FunctionActivityContext(nameof(RecordLetterBatchStateActivity), function), transition);

    /// <summary>Marks a cancelled campaign's unsent rows.</summary>
    [Function(nameof(CancelRecipientsActivity))]
    public Task<int> CancelRecipients([ActivityTrigger] string campaignId, FunctionContext function) =>
        cancelRecipients.RunAsync(new FunctionActivityContext(nameof(CancelRecipientsActivity), function), campaignId);
}
