using System.Net.Sockets;
using System.Text.Json;
using Azure;
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
/// Safe to run again: rows already sent, failed or uncertain are counted, never sent again; rows a dead
/// attempt had claimed become Uncertain rather than risk a second copy.
/// </summary>
public sealed partial class PacketSender(
    RecipientTable recipients,
    CampaignStore campaigns,
    CampaignTemplateCache templates,
    IOptions<SenderOptions> senders,
    IOptions<SendingOptions> options,
    TimeProvider clock,
    ILogger<PacketSender> log)
{
    /// <summary>Sends the packet and returns the counts of its rows by outcome.</summary>
    public async Task<PacketResult> SendAsync(PacketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (int from, int to) = PacketPlan.Range(request.Packet, request.PacketSize);
        List<RecipientRow> rows = await recipients.ReadSendRangeAsync(request.CampaignId, from, to, cancellationToken);
        await MarkOrphansUncertainAsync(rows, cancellationToken);

        List<RecipientRow> pending = rows.Where(r => r.Status == nameof(RecipientStatus.Pending)).ToList();
        var run = new PacketRun();
        if (pending.Count > 0)
        {
            await ClaimAsync(pending, cancellationToken);
            await SendClaimedAsync(request, pending, run, cancellationToken);
        }

        LogPacket(log, request.CampaignId, request.Packet, rows.Count, run.Connections);
        return new PacketResult(
            rows.Count(r => r.Status == nameof(RecipientStatus.Sent)),
            rows.Count(r => r.Status == nameof(RecipientStatus.Failed)),
            rows.Count(r => r.Status == nameof(RecipientStatus.Uncertain)),
            rows.Count(r => !string.IsNullOrEmpty(r.MissingFields)),
            run.Connections,
            run.Stopped,
            run.FirstSendAt);
    }

    private async Task MarkOrphansUncertainAsync(List<RecipientRow> rows, CancellationToken cancellationToken)
    {
        List<RecipientRow> orphans = rows.Where(r => r.Status == nameof(RecipientStatus.Sending)).ToList();
        foreach (RecipientRow row in orphans)
        {
            row.Status = nameof(RecipientStatus.Uncertain);
            row.Reason = "The host stopped while this message was being handed to the server, which may or may not have accepted it. " +
                "It is not re-sent automatically so that nobody gets two copies.";
            row.ClaimToken = null;
        }

        await recipients.UpsertAsync(orphans, cancellationToken);
    }

    private async Task ClaimAsync(List<RecipientRow> pending, CancellationToken cancellationToken)
    {
        string token = Guid.NewGuid().ToString("N");
        foreach (RecipientRow row in pending)
        {
            row.Status = nameof(RecipientStatus.Sending);
            row.ClaimToken = token;
            row.Attempts++;
        }

        try
        {
            await recipients.UpdateGuardedAsync(pending, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new PacketFailedException("Another attempt changed this packet's rows while it was being claimed; the packet will be retried.", ex);
        }
    }

    private async Task SendClaimedAsync(PacketRequest request, List<RecipientRow> claimed, PacketRun run, CancellationToken cancellationToken)
    {
        CampaignRecord campaign = await campaigns.FindAsync(request.CampaignId, cancellationToken)
            ?? throw new PacketFailedException($"Campaign {request.CampaignId} no longer exists.");
        if (!senders.Value.Accounts.TryGetValue(campaign.Sender, out SenderAccount? account))
        {
            await ReleaseAsync(claimed, 0, cancellationToken);
            throw new PacketFailedException($"The sender account '{campaign.Sender}' is no longer configured.");
        }

        MessageTemplate template = await templates.GetAsync(request.CampaignId, cancellationToken);
        SendingOptions settings = options.Value;
        await using var outcomes = new OutcomeWriter(recipients, settings.OutcomeBatch, TimeSpan.FromMilliseconds(settings.OutcomeFlushMilliseconds));
        SmtpClient? client = null;
        int drops = 0, failures = 0;
        try
        {
            for (int i = 0; i < claimed.Count; i++)
            {
                if (request.ErrorBudget > 0 && failures >= request.ErrorBudget)
                {
                    Release(claimed, i, outcomes);
                    await outcomes.CompleteAsync();
                    run.Stopped = true;
                    return;
                }

                RecipientRow row = claimed[i];
                MimeMessage? message = Build(request.CampaignId, account, template, row);
                if (message is null)
                {
                    failures++;
                    outcomes.Add(row);
                    continue;
                }

                while (true)
                {
                    try
                    {
                        if (client is null)
                        {
                            run.Connections++;
                            client = await SmtpConnector.ConnectAsync(account, cancellationToken);
                        }

                        run.FirstSendAt ??= clock.GetUtcNow();

                        await client.SendAsync(message, cancellationToken);
                        row.Status = nameof(RecipientStatus.Sent);
                        row.SentAt = clock.GetUtcNow();
                        row.Reason = null;
                        row.SmtpCode = null;
                        row.SmtpText = null;
                        break;
                    }
                    catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
                    {
                        RecordRefusal(row, ex);
                        failures++;
                        break;
                    }
                    catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.SenderNotAccepted)
                    {
                        Release(claimed, i, outcomes);
                        await outcomes.CompleteAsync();
                        throw new PacketFailedException($"The SMTP server refused the sender address: {(int)ex.StatusCode} {ex.Message}", ex);
                    }
                    catch (Exception ex) when (IsConnectionFault(ex))
                    {
                        client?.Dispose();
                        client = null;
                        if (++drops > settings.Reconnects)
                        {
                            Release(claimed, i, outcomes);
                            await outcomes.CompleteAsync();
                            throw new PacketFailedException($"The SMTP server {account.Host}:{account.Port} could not be reached or dropped the connection {drops} times: {ex.Message}", ex);
                        }

                        await Task.Delay(TimeSpan.FromMilliseconds(250 * drops), cancellationToken);
                    }
                }

                outcomes.Add(row);
            }

            await outcomes.CompleteAsync();
        }
        finally
        {
            if (client is not null)
            {
                await QuitAsync(client);
            }
        }
    }

    private MimeMessage? Build(string campaignId, SenderAccount account, MessageTemplate template, RecipientRow row)
    {
        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(row.FieldsJson, MailMergeJson.Options) ?? [];
            RenderedMessage content = template.Render(new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase));
            row.MissingFields = content.MissingFields.Count == 0 ? null : string.Join(",", content.MissingFields);
            row.MessageId = MessageFactory.MessageId(campaignId, row.RowKey, account.FromAddress);
            return MessageFactory.Create(account, row.Email, row.DisplayName, content, row.MessageId, clock.GetUtcNow());
        }
        catch (MergeValueException ex)
        {
            row.Status = nameof(RecipientStatus.Failed);
            row.Reason = ex.Message;
            return null;
        }
    }

    private static void RecordRefusal(RecipientRow row, SmtpCommandException ex)
    {
        int code = (int)ex.StatusCode;
        row.Status = nameof(RecipientStatus.Failed);
        row.SmtpCode = code;
        row.SmtpText = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
        row.Reason = code is >= 400 and < 500
            ? "The server refused this recipient for now (transient 4xx reply)."
            : "The server refused this recipient (permanent 5xx reply).";
        row.MessageId = null;
    }

    private static void Release(List<RecipientRow> claimed, int from, OutcomeWriter outcomes)
    {
        for (int i = from; i < claimed.Count; i++)
        {
            RecipientRow row = claimed[i];
            row.Status = nameof(RecipientStatus.Pending);
            row.ClaimToken = null;
            row.MessageId = null;
            row.Attempts = Math.Max(0, row.Attempts - 1);
            outcomes.Add(row);
        }
    }

    private async Task ReleaseAsync(List<RecipientRow> claimed, int from, CancellationToken cancellationToken)
    {
        await using var outcomes = new OutcomeWriter(recipients, RecipientTable.TransactionLimit, TimeSpan.FromMilliseconds(50));
        Release(claimed, from, outcomes);
        await outcomes.CompleteAsync();
        _ = cancellationToken;
    }

    private static bool IsConnectionFault(Exception ex) =>
        ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
        || (ex is SmtpCommandException command && (int)command.StatusCode == 421);

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
        catch (Exception ex) when (IsConnectionFault(ex) || ex is OperationCanceledException)
        {
            // The packet's outcomes are recorded; a failed QUIT changes none of them.
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>What one run of a packet did, beyond the rows' outcomes.</summary>
    private sealed class PacketRun
    {
        public int Connections { get; set; }

        public bool Stopped { get; set; }

        public DateTimeOffset? FirstSendAt { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} packet {Packet}: {Rows} rows, {Connections} connections")]
    private static partial void LogPacket(ILogger logger, string campaignId, int packet, int rows, int connections);
}
