using System.Text.Json;
using MailKit.Net.Smtp;
using MailMerge.Attachments;
using MailMerge.Campaigns;
using MailMerge.Json;
using MailMerge.Recipients;
using MailMerge.Templates;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MailMerge.Sending;

/// <summary>
/// Sends a campaign's message, rendered for one of its recipients, to addresses the caller gives. It is one
/// message with every test address in To (so each attachment travels once), its subject starts with
/// <see cref="SubjectPrefix"/> and it carries <see cref="MarkerHeader"/>: true. Nothing about it is counted in
/// the campaign or written to its rows.
/// </summary>
public sealed class TestMessageSender(
    CampaignStore campaigns, RecipientTable recipients, CampaignTemplateCache templates, CampaignAttachmentCache attachmentCache, IOptions<SenderOptions> senders, TimeProvider clock)
{
    /// <summary>Most addresses one test may go to.</summary>
    public const int MaxAddresses = 10;

    /// <summary>Put before the subject of every test message.</summary>
    public const string SubjectPrefix = "[TEST] ";

    /// <summary>The header that marks a test message.</summary>
    public const string MarkerHeader = "X-MailMerge-Test";

    /// <summary>What happened: the message sent, or why not.</summary>
    public sealed record Outcome(
        bool NotFound = false,
        IDictionary<string, string[]>? Errors = null,
        string? Unrenderable = null,
        string? SmtpFailure = null,
        int Line = 0,
        string? Subject = null,
        string? MessageId = null,
        IReadOnlyList<string>? SentTo = null);

    /// <summary>Validates, renders and sends the test.</summary>
    public async Task<Outcome> SendAsync(string id, TestMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CampaignRecord? campaign = await campaigns.FindAsync(id, cancellationToken);
        if (campaign is null)
        {
            return new Outcome(NotFound: true);
        }

        var errors = new Dictionary<string, string[]>();
        var to = new List<MailboxAddress>();
        if (request.To is not { Count: > 0 } || request.To.Count > MaxAddresses)
        {
            errors["to"] = [$"Give 'to': 1 to {MaxAddresses} addresses the test goes to."];
        }
        else
        {
            for (int i = 0; i < request.To.Count; i++)
            {
                if (RecipientAddress.TryParse(request.To[i], out RecipientAddress? address, out string? reason))
                {
                    to.Add(new MailboxAddress(address.DisplayName ?? string.Empty, address.Address));
                }
                else
                {
                    errors[$"to[{i}]"] = [reason];
                }
            }
        }

        if (request.Line is < 1)
        {
            errors["line"] = ["The line must be a whole number from 1."];
        }

        RecipientRow? row = errors.ContainsKey("line") ? null : await recipients.FindSendableAsync(id, request.Line, cancellationToken);
        if (row is null && !errors.ContainsKey("line"))
        {
            errors["line"] = [request.Line is null ? "The campaign has no recipient to render the test for." : $"Line {request.Line} is not a recipient who gets a message."];
        }

        if (!senders.Value.Accounts.TryGetValue(campaign.Sender, out SenderAccount? account))
        {
            errors["sender"] = [$"The campaign's sender account '{campaign.Sender}' is no longer configured."];
        }

        if (errors.Count > 0)
        {
            return new Outcome(Errors: errors);
        }

        MimeMessage message;
        IReadOnlyList<MessageAttachment> attachments = await attachmentCache.GetAsync(id, CampaignAttachmentStore.Parse(campaign.AttachmentsJson), cancellationToken);
        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(row!.FieldsJson, MailMergeJson.Options) ?? [];
            var values = new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase);
            MessageTemplate template = await templates.GetAsync(campaign, cancellationToken);
            RenderedMessage content = template.Render(values);
            MailboxAddress? replyTo = ReplyToRule.Resolve(template.ReplyTo, account!, values, new List<string>());
            string messageId = MessageFactory.MessageId(id, "test-" + Guid.NewGuid().ToString("N")[..12], account!.FromAddress);
            message = MessageFactory.Create(
                account, to[0].Address, to[0].Name, content with { Subject = SubjectPrefix + content.Subject }, messageId, clock.GetUtcNow(), replyTo: replyTo, attachments: attachments);
            message.To.Clear();
            message.To.AddRange(to);
            message.Headers.Add(MarkerHeader, "true");
        }
        catch (MergeValueException ex)
        {
            return new Outcome(Unrenderable: ex.Message, Line: row!.Line);
        }

        try
        {
            using SmtpClient client = await SmtpConnector.ConnectAsync(account, cancellationToken);
            if (ServerSizeLimit.Refusal(client, message, account, attachments.Count > 0) is { } tooLarge)
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
                return new Outcome(Errors: new Dictionary<string, string[]> { ["attachments"] = [tooLarge] }, Line: row.Line);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            string reply = ex is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : ex.Message;
            return new Outcome(SmtpFailure: $"The SMTP server {account.Host}:{account.Port} did not take the test message: {reply}", Line: row.Line);
        }

        return new Outcome(Line: row.Line, Subject: message.Subject, MessageId: $"<{message.MessageId}>", SentTo: to.Select(t => t.Address).ToList());
    }
}
