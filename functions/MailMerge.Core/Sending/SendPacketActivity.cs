using MailMerge.Campaigns;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MailMerge.Sending;

/// <summary>Sends one packet over one SMTP connection; see <see cref="PacketSender"/>.</summary>
public sealed partial class SendPacketActivity(PacketSender sender, ILogger<SendPacketActivity> log) : TaskActivity<PacketRequest, PacketResult>
{
    /// <inheritdoc />
    public override async Task<PacketResult> RunAsync(TaskActivityContext context, PacketRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await sender.SendAsync(input, CancellationToken.None);
        }
        catch (PacketFailedException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Exception texts may quote addresses (a server's reply, a storage error): keep them out of the
            // orchestration history, which stores the failure; the type is enough to find the cause in the code.
            LogUnexpected(log, input.CampaignId, input.Packet, ex.GetType().FullName ?? ex.GetType().Name);
            throw new PacketFailedException($"Sending packet {input.Packet} failed unexpectedly ({ex.GetType().Name}); it will be retried.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} packet {Packet} failed unexpectedly: {ExceptionType}")]
    private static partial void LogUnexpected(ILogger logger, string campaignId, int packet, string exceptionType);
}
