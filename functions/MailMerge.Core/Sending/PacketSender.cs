using System.Net.Sockets;
using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using MailMerge.Campaigns;
using MailMerge.Json;
using MailMerge.Recipients;
using MailMerge.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MailMerge.Sending;

/// <summary>
/// Sends one packet of a campaign over one SMTP connection and records each recipient's outcome in its row.
/// Safe to run again: rows already sent or failed are counted, never sent again. Before a message goes out,
/// the packet's claim (<see cref="PacketLease"/>) covers it; a later run that finds a row still pending under
/// the claim of a run that died marks it Uncertain instead of risking a second copy.
/// </summary>
public sealed partial class PacketSender(
    RecipientTable recipients,
    PacketLeaseTable leases,
    CampaignStore campaigns,
    CampaignTemplateCache templates,
    Attachments.CampaignAttachmentCache attachmentCache,
    MessageArchive archives,
    IOptions<SenderOptions> senders,
    IOptions<SendingOptions> options,
    TimeProvider clock,
    ILogger<PacketSender> log)
{
    /// <summary>What a run found when the host that held the packet before it had died.</summary>
    public const string UncertainReason =
        "The run sending this message stopped (the host stopped, or could not store the outcome) while the message " +
        "was being handed to the server or before its outcome was recorded; the server may or may not have accepted it. " +
        "It is not re-sent automatically so that nobody gets two copies.";

    /// <summary>Sends the packet and returns the counts of its rows by outcome.</summary>
    public async Task<PacketResult> SendAsync(PacketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        long started = clock.GetTimestamp();
        (int from, int to) = PacketPlan.Range(request.Packet, request.PacketSize);
        List<RecipientRow> rows = await recipients.ReadSendRangeAsync(request.CampaignId, from, to, cancellationToken);
        TimeSpan read = clock.GetElapsedTime(started);
        // The first pass sends Pending rows; a retry pass takes up the rows an earlier pass deferred (a row this
        // pass already deferred again carries this pass's number and is not taken twice).
        bool IsDue(RecipientRow r) => request.Pass == 0
            ? r.Status == nameof(RecipientStatus.Pending)
            : r.Status == nameof(RecipientStatus.Deferred) && r.Pass < request.Pass;
        List<RecipientRow> due = rows.Where(IsDue).ToList();
        PacketLease? previous = await leases.FindAsync(request.CampaignId, request.Packet, request.Pass, cancellationToken);
        if (previous is not null)
        {
            await MarkUncertainAsync(due, previous.ClaimedThrough, cancellationToken);
        }

        List<RecipientRow> pending = due.Where(IsDue).ToList();
        var run = new PacketRun();
        if (pending.Count > 0)
        {
            PacketLease lease = await leases.TakeAsync(request.CampaignId, request.Packet, request.Pass, previous, IndexOf(pending[0]), cancellationToken)
                ?? throw new PacketFailedException("Another run took this packet while it was being claimed; the packet will be retried.");
            await SendClaimedAsync(request, pending, lease, run, to, cancellationToken);
        }

        TimeSpan total = clock.GetElapsedTime(started);
        LogPacket(log, request.CampaignId, request.Packet, request.Pass, rows.Count, run.Connections, (int)read.TotalMilliseconds, (int)run.ClaimWait.TotalMilliseconds, (int)total.TotalMilliseconds);

        // A retry pass reports only the rows it took up: the rest of the packet was counted by the passes before.
        List<RecipientRow> counted = request.Pass == 0 ? rows : due;
        return new PacketResult(
            counted.Count(r => r.Status == nameof(RecipientStatus.Sent)),
            counted.Count(r => r.Status == nameof(RecipientStatus.Failed)),
            counted.Count(r => r.Status == nameof(RecipientStatus.Uncertain)),
            request.Pass == 0 ? rows.Count(r => !string.IsNullOrEmpty(r.MissingFields)) : 0,
            run.Connections,
            run.Stopped,
            run.FirstSendAt,
            counted.Count(r => r.Status == nameof(RecipientStatus.Deferred)),
            request.Pass == 0 ? 0 : due.Count,
            run.Retries,
            run.StoppedByControl);
    }

    private static int IndexOf(RecipientRow row) => int.Parse(row.RowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    private async Task MarkUncertainAsync(List<RecipientRow> due, int claimedThrough, CancellationToken cancellationToken)
    {
        List<RecipientRow> orphans = due.Where(r => IndexOf(r) < claimedThrough).ToList();
        foreach (RecipientRow row in orphans)
        {
            row.Status = nameof(RecipientStatus.Uncertain);
            row.Reason = UncertainReason;
        }

        await recipients.MergeOutcomesAsync(orphans, cancellationToken);
    }

    private async Task SendClaimedAsync(PacketRequest request, List<RecipientRow> pending, PacketLease lease, PacketRun run, int packetEnd, CancellationToken cancellationToken)
    {
        CampaignRecord campaign = await campaigns.FindAsync(request.CampaignId, cancellationToken)
            ?? throw new PacketFailedException($"Campaign {request.CampaignId} no longer exists.");
        if (!senders.Value.Accounts.TryGetValue(campaign.Sender, out SenderAccount? account))
        {
            throw new PacketFailedException($"The sender account '{campaign.Sender}' is no longer configured.");
        }

        SendingOptions settings = options.Value;
        await using var control = new CampaignControlWatch(campaigns, request.CampaignId, TimeSpan.FromMilliseconds(settings.ControlCheckMilliseconds));
        if (CampaignControlKind.Stops(campaign.Control))
        {
            control.Request();
        }

        MessageTemplate template = await templates.GetAsync(campaign, cancellationToken);
        IReadOnlyList<Attachments.MessageAttachment> attachments = await attachmentCache.GetAsync(request.CampaignId, Attachments.CampaignAttachmentStore.Parse(campaign.AttachmentsJson), cancellationToken);
        await using var outcomes = new OutcomeWriter(recipients, settings.OutcomeBatch, TimeSpan.FromMilliseconds(settings.OutcomeFlushMilliseconds));

        // Sent copies are stored in the background; the packet waits for them before it ends (disposal included).
        await using ArchiveRun? archive = campaign.ArchiveFolder is { } folder ? archives.Start(request.CampaignId, folder, account.Imap) : null;
        SentCopySmtpClient? client = null;
        int connectFailures = 0, failures = 0;
        Task<bool>? nextClaim = null;
        try
        {
            for (int i = 0; i < pending.Count; i++)
            {
                RecipientRow row = pending[i];
                if (request.ErrorBudget > 0 && failures >= request.ErrorBudget)
                {
                    await ReleaseAsync(lease, row, outcomes, nextClaim, cancellationToken);
                    run.Stopped = true;
                    return;
                }

                if (control.StopRequested)
                {
                    // Paused or cancelled: nothing more leaves; the rest stay Pending for a resume (or are cancelled).
                    await ReleaseAsync(lease, row, outcomes, nextClaim, cancellationToken);
                    run.StoppedByControl = true;
                    return;
                }

                MimeMessage? message = Build(request.CampaignId, account, template, row, client?.Capabilities.HasFlag(SmtpCapabilities.EightBitMime) == true, attachments);
                if (message is null)
                {
                    failures++;
                    outcomes.Add(row);
                    continue;
                }

                // The claim must cover this row before the server can have it: that is what makes a re-run safe. The
                // next claim is taken while the current window is sending, after the outcomes before it are stored,
                // so a run that dies leaves at most about two windows uncertain and sending never waits for storage.
                int index = IndexOf(row);
                if (nextClaim is not null && (nextClaim.IsCompleted || index >= lease.ClaimedThrough))
                {
                    long waitStarted = clock.GetTimestamp();
                    bool moved = await nextClaim;
                    nextClaim = null;
                    run.ClaimWait += clock.GetElapsedTime(waitStarted);
                    if (!moved)
                    {
                        throw new PacketFailedException("Another run took over this packet; this run stopped without sending more.");
                    }
                }

                if (index >= lease.ClaimedThrough)
                {
                    long waitStarted = clock.GetTimestamp();
                    bool moved = await ClaimAheadAsync(lease, outcomes.FlushAsync(), Math.Min(index + settings.ClaimWindow, packetEnd), cancellationToken);
                    run.ClaimWait += clock.GetElapsedTime(waitStarted);
                    if (!moved)
                    {
                        throw new PacketFailedException("Another run took over this packet; this run stopped without sending more.");
                    }
                }

                if (nextClaim is null && lease.ClaimedThrough < packetEnd && index >= lease.ClaimedThrough - (settings.ClaimWindow / 2))
                {
                    nextClaim = ClaimAheadAsync(lease, outcomes.FlushAsync(), Math.Min(lease.ClaimedThrough + settings.ClaimWindow, packetEnd), cancellationToken);
                }

                int rowDrops = 0;
                ReadOnlyMemory<byte> sentCopy = ReadOnlyMemory<byte>.Empty;
                while (true)
                {
                    if (client is null)
                    {
                        try
                        {
                            run.Connections++;
                            client = await SmtpConnector.ConnectAsync(account, cancellationToken);
                            client.KeepCopies = archive is not null;
                            connectFailures = 0;
                        }
                        catch (Exception ex) when (IsConnectionFault(ex) || ex is SmtpCommandException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
                        {
                            if (++connectFailures > settings.Reconnects)
                            {
                                await ReleaseAsync(lease, row, outcomes, nextClaim, cancellationToken);
                                throw new PacketFailedException($"The SMTP server {account.Host}:{account.Port} could not be reached or refused the session {connectFailures} times: {ex.Message}");
                            }

                            await Task.Delay(TimeSpan.FromMilliseconds(250 * connectFailures), cancellationToken);
                            continue;
                        }
                    }

                    if (!client.Capabilities.HasFlag(SmtpCapabilities.UTF8) && !System.Text.Ascii.IsValid(row.Email))
                    {
                        row.Status = nameof(RecipientStatus.Failed);
                        row.Reason = "The address has non-ASCII characters and the server does not accept international addresses (no SMTPUTF8).";
                        failures++;
                        break;
                    }

                    if (ServerSizeLimit.Refusal(client, message, account, attachments.Count > 0) is { } tooLarge)
                    {
                        row.Status = nameof(RecipientStatus.Failed);
                        row.Reason = tooLarge;
                        failures++;
                        break;
                    }

                    var progress = new DataProgress();
                    try
                    {
                        run.FirstSendAt ??= clock.GetUtcNow();
                        if (row.Attempts > 0 || rowDrops > 0)
                        {
                            run.Retries++;
                        }

                        row.Attempts++;
                        row.Pass = request.Pass;
                        await client.SendAsync(message, cancellationToken, progress);
                        sentCopy = client.TakeCopy(message);
                        row.Status = nameof(RecipientStatus.Sent);
                        row.SentAt = clock.GetUtcNow();
                        row.NextAttemptAt = null;
                        break;
                    }
                    catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.SenderNotAccepted)
                    {
                        row.Attempts--;
                        await ReleaseAsync(lease, row, outcomes, nextClaim, cancellationToken);
                        throw new PacketFailedException($"The SMTP server refused the sender address: {(int)ex.StatusCode} {ex.Message}");
                    }
                    catch (SmtpCommandException ex) when ((int)ex.StatusCode == 421)
                    {
                        // 421: the server is closing the session. It answered, so it did not take the message: reconnect
                        // and try this recipient again on a fresh connection; after too many, defer it like any 4xx.
                        client.Dispose();
                        client = null;
                        if (++rowDrops > settings.Reconnects)
                        {
                            failures += RecordRefusal(row, ex, campaign) ? 1 : 0;
                            break;
                        }

                        await Task.Delay(TimeSpan.FromMilliseconds(250 * rowDrops), cancellationToken);
                    }
                    catch (SmtpCommandException ex)
                    {
                        // A reply to RCPT, DATA or the message itself concerns this recipient only; MailKit resets the
                        // transaction (RSET) so the connection goes on with the next recipient.
                        failures += RecordRefusal(row, ex, campaign) ? 1 : 0;
                        break;
                    }
                    catch (Exception ex) when (IsConnectionFault(ex))
                    {
                        client.Dispose();
                        client = null;
                        if (progress.WholeMessageSent)
                        {
                            // The server had the whole message and its reply never came: it may have accepted it.
                            row.Status = nameof(RecipientStatus.Uncertain);
                            row.Reason = "The connection dropped after the whole message was sent and before the server answered; " +
                                "the server may have accepted it. It is not re-sent automatically so that nobody gets two copies.";
                            break;
                        }

                        // No complete message reached the server (RFC 5321: no reply, no delivery); try this recipient again.
                        row.Attempts--;
                        if (++rowDrops > settings.Reconnects)
                        {
                            row.Status = nameof(RecipientStatus.Failed);
                            row.Reason = $"The server dropped the connection {rowDrops} times while taking this recipient.";
                            failures++;
                            break;
                        }

                        await Task.Delay(TimeSpan.FromMilliseconds(250 * rowDrops), cancellationToken);
                    }
                }

                outcomes.Add(row);
                if (archive is not null && row.Status == nameof(RecipientStatus.Sent))
                {
                    await archive.AddAsync(row, sentCopy, cancellationToken);
                }
            }

            await outcomes.CompleteAsync();
            if (archive is not null)
            {
                await archive.CompleteAsync();
            }
            if (nextClaim is not null)
            {
                await nextClaim;
            }

            await leases.MoveAsync(lease, packetEnd, cancellationToken);
        }
        finally
        {
            if (client is not null)
            {
                await QuitAsync(client);
            }
        }
    }

    /// <summary>Moves the claim once the outcomes written so far are stored.</summary>
    private async Task<bool> ClaimAheadAsync(PacketLease lease, Task stored, int claimedThrough, CancellationToken cancellationToken)
    {
        await stored;
        return await leases.MoveAsync(lease, claimedThrough, cancellationToken);
    }

    /// <summary>Gives back the rows from <paramref name="firstUnsent"/> on: they stay Pending for a later run, not Uncertain.</summary>
    private async Task ReleaseAsync(PacketLease lease, RecipientRow firstUnsent, OutcomeWriter outcomes, Task<bool>? pendingClaim, CancellationToken cancellationToken)
    {
        await outcomes.CompleteAsync();
        if (pendingClaim is not null)
        {
            await pendingClaim;
        }

        await leases.MoveAsync(lease, IndexOf(firstUnsent), cancellationToken);
    }

    private MimeMessage? Build(string campaignId, SenderAccount account, MessageTemplate template, RecipientRow row, bool eightBit, IReadOnlyList<Attachments.MessageAttachment> attachments)
    {
        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(row.FieldsJson, MailMergeJson.Options) ?? [];
            var values = new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase);
            RenderedMessage content = template.Render(values);
            var missing = new SortedSet<string>(content.MissingFields, StringComparer.OrdinalIgnoreCase);
            MimeKit.MailboxAddress? replyTo = ReplyToRule.Resolve(template.ReplyTo, account, values, missing);
            row.MissingFields = missing.Count == 0 ? null : string.Join(",", missing);
            row.MessageId = MessageFactory.MessageId(campaignId, row.RowKey, account.FromAddress);
            return MessageFactory.Create(account, row.Email, row.DisplayName, content, row.MessageId, clock.GetUtcNow(), eightBit, replyTo, attachments);
        }
        catch (MergeValueException ex)
        {
            row.Status = nameof(RecipientStatus.Failed);
            row.Reason = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// Records a refusal: a 5xx fails the recipient; a 4xx defers it to a later retry pass with backoff, until its
    /// attempts run out and it fails. Returns true when the row failed (only final failures count toward the error limit).
    /// </summary>
    private bool RecordRefusal(RecipientRow row, SmtpCommandException ex, CampaignRecord campaign)
    {
        int code = (int)ex.StatusCode;
        row.SmtpCode = code;
        row.SmtpText = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
        row.MessageId = null;
        if (code is < 400 or >= 500)
        {
            row.Status = nameof(RecipientStatus.Failed);
            row.Reason = "The server refused this recipient (permanent 5xx reply).";
            row.NextAttemptAt = null;
            return true;
        }

        int attempts = row.Attempts - row.RetryFrom;
        if (attempts >= campaign.MaxAttempts)
        {
            row.Status = nameof(RecipientStatus.Failed);
            row.Reason = $"The server refused this recipient for now (transient 4xx reply) on all {attempts} attempts; " +
                "\"retry failed\" can send to it again later.";
            row.NextAttemptAt = null;
            return true;
        }

        // Backoff: the first retry after the campaign's delay, each later one twice as long after the one before.
        row.Status = nameof(RecipientStatus.Deferred);
        row.NextAttemptAt = clock.GetUtcNow().AddSeconds(campaign.RetryDelaySeconds * Math.Pow(2, attempts - 1));
        row.Reason = $"The server refused this recipient for now (transient 4xx reply); attempt {attempts} of {campaign.MaxAttempts}, tried again in a later pass.";
        return false;
    }

    private static bool IsConnectionFault(Exception ex) =>
        ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException;

    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception ex) when (IsConnectionFault(ex) || ex is SmtpCommandException or OperationCanceledException)
        {
            // The packet's outcomes are recorded; a failed QUIT changes none of them.
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Tells whether MailKit wrote the whole message to the server before the connection failed.</summary>
    private sealed class DataProgress : ITransferProgress
    {
        public bool WholeMessageSent { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => WholeMessageSent |= totalSize > 0 && bytesTransferred >= totalSize;

        // Without a known size MailKit cannot tell how far it got; count that as possibly delivered.
        public void Report(long bytesTransferred) => WholeMessageSent |= bytesTransferred > 0;
    }

    /// <summary>What one run of a packet did, beyond the rows' outcomes.</summary>
    private sealed class PacketRun
    {
        public int Connections { get; set; }

        public bool Stopped { get; set; }

        public DateTimeOffset? FirstSendAt { get; set; }

        public bool StoppedByControl { get; set; }

        public TimeSpan ClaimWait { get; set; }

        public int Retries { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} packet {Packet} pass {Pass}: {Rows} rows, {Connections} connections, read in {ReadMilliseconds} ms, waited {ClaimMilliseconds} ms for claims, done in {Milliseconds} ms")]
    private static partial void LogPacket(ILogger logger, string campaignId, int packet, int pass, int rows, int connections, int readMilliseconds, int claimMilliseconds, int milliseconds);
}
