using MailMerge.Recipients;
using Microsoft.DurableTask;

namespace MailMerge.Campaigns;

/// <summary>
/// Finds the packets that hold Deferred rows for a retry pass. The pass waits until the latest of their
/// next-attempt times, so no row is tried before its backoff has passed.
/// </summary>
public sealed class FindDeferredActivity(RecipientTable recipients) : TaskActivity<DeferredQuery, DeferredPackets>
{
    /// <inheritdoc />
    public override async Task<DeferredPackets> RunAsync(TaskActivityContext context, DeferredQuery input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<(int Index, DateTimeOffset? NextAttemptAt)> rows = await recipients.FindDeferredAsync(input.CampaignId, input.Pass);
        List<int> packets = rows.Select(r => r.Index / input.PacketSize).Distinct().Order().ToList();
        DateTimeOffset notBefore = rows.Select(r => r.NextAttemptAt ?? DateTimeOffset.MinValue).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        return new DeferredPackets(packets, notBefore);
    }
}
