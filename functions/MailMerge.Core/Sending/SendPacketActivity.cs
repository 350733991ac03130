using MailMerge.Campaigns;
using Microsoft.DurableTask;

namespace MailMerge.Sending;

/// <summary>Sends one packet over one SMTP connection; see <see cref="PacketSender"/>.</summary>
public sealed class SendPacketActivity(PacketSender sender) : TaskActivity<PacketRequest, PacketResult>
{
    /// <inheritdoc />
    public override Task<PacketResult> RunAsync(TaskActivityContext context, PacketRequest input) => sender.SendAsync(input, CancellationToken.None);
}
