using MailMerge.Campaigns;

namespace MailMerge.Sending;

/// <summary>
/// Re-reads a campaign's row in the background while a packet sends, so the send loop can stop before its next
/// message once the campaign is paused or cancelled without a storage round trip per message.
/// </summary>
public sealed class CampaignControlWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task watching;
    private volatile bool stopRequested;

    /// <summary>Starts watching <paramref name="campaignId"/> every <paramref name="every"/>.</summary>
    public CampaignControlWatch(CampaignStore campaigns, string campaignId, TimeSpan every)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        watching = WatchAsync(campaigns, campaignId, every, stop.Token);
    }

    /// <summary>True once the campaign's row asked to pause or cancel.</summary>
    public bool StopRequested => stopRequested;

    /// <summary>Marks the stop as seen already (the packet read the row itself).</summary>
    public void Request() => stopRequested = true;

    private async Task WatchAsync(CampaignStore campaigns, string campaignId, TimeSpan every, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !stopRequested)
        {
            try
            {
                await Task.Delay(every, cancellationToken);
                CampaignRecord? record = await campaigns.FindAsync(campaignId, cancellationToken);
                if (CampaignControlKind.Stops(record?.Control))
                {
                    stopRequested = true;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Azure.RequestFailedException)
            {
                // A failed read changes nothing: the next one may succeed, and the orchestration checks between packets too.
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await watching;
        stop.Dispose();
    }
}
