namespace MailMerge.Campaigns;

/// <summary>What "retry failed" did: the round it started (or found running) and how many recipients it queued again.</summary>
/// <param name="Found">False when there is no such campaign.</param>
/// <param name="StillSending">True when the campaign's first pass is still running (retry it when it ends).</param>
public sealed record RetryFailedResult(bool Found, bool StillSending, int Round, int Requeued, bool AlreadyRunning);
