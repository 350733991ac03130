using MailMerge.Recipients;
using Microsoft.DurableTask;

namespace MailMerge.Campaigns;

/// <summary>Marks a cancelled campaign's unsent rows Cancelled; returns how many it marked (0 when run again).</summary>
public sealed class CancelRecipientsActivity(RecipientTable recipients) : TaskActivity<string, int>
{
    /// <summary>The reason a cancelled row carries.</summary>
    public const string Reason = "The campaign was cancelled before this recipient's message was sent.";

    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, string input) => recipients.CancelPendingAsync(input, Reason);
}
