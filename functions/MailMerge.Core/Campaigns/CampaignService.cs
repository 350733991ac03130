using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailMerge.Json;
using MailMerge.Recipients;
using MailMerge.Sending;
using MailMerge.Storage;
using MailMerge.Templates;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace MailMerge.Campaigns;

/// <summary>
/// Accepts campaigns: validates everything before anything is stored, writes the recipient rows, the campaign
/// and its frozen templates, then schedules the orchestration with the campaign id as instance id.
/// </summary>
public sealed class CampaignService(
    StorageBootstrap storage,
    CampaignStore campaigns,
    RecipientTable recipients,
    TemplateStore templateStore,
    RecipientListStore lists,
    Suppressions.SuppressionList suppressions,
    IOptions<SenderOptions> senders,
    TimeProvider clock)
{
    /// <summary>Validates and, when valid, creates and schedules the campaign.</summary>
    public async Task<CampaignCreation> CreateAsync(CreateCampaignRequest request, string? idempotencyKey, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        await storage.EnsureCreatedAsync(cancellationToken);
        Dictionary<string, List<string>> errors = CampaignRequestValidator.Validate(request, senders.Value.Accounts);

        string? body = request.Body;
        if (!string.IsNullOrWhiteSpace(request.BodyTemplate) && !errors.ContainsKey("bodyTemplate"))
        {
            body = Api.ResourceName.IsValid(request.BodyTemplate) ? await templateStore.FindAsync(request.BodyTemplate, cancellationToken) : null;
            if (body is null)
            {
                errors["bodyTemplate"] = [$"No uploaded template named '{request.BodyTemplate}'."];
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Subject) && body is not null)
        {
            MessageTemplate? parsed = MessageTemplate.TryCreate(request.Subject, body, out IReadOnlyDictionary<string, TemplateError> templateErrors);
            if (parsed is not null && request.UnsubscribeUrl is not null && !errors.ContainsKey("unsubscribeUrl") &&
                !parsed.TrySetUnsubscribeUrl(request.UnsubscribeUrl, out TemplateError? unsubscribeError))
            {
                errors["unsubscribeUrl"] = [$"Liquid syntax error at {unsubscribeError}."];
            }

            foreach ((string part, TemplateError error) in templateErrors)
            {
                string field = part == "body" && request.Body is null ? "bodyTemplate" : part;
                errors[field] = [$"Liquid syntax error at {error}."];
            }
        }

        IReadOnlyList<RecipientInput>? inputs = await ReadRecipientsAsync(request, errors, cancellationToken);
        string id = idempotencyKey is null ? NewId() : IdFromKey(idempotencyKey);
        RecipientExclusions exclusions = RecipientExclusions.Create(request.Exclusions ?? [], out _);
        RecipientIntake? intake = inputs is null || errors.Keys.Any(k => k.StartsWith("exclusions", StringComparison.Ordinal))
            ? null
            : RecipientIntakeBuilder.Build(id, inputs, exclusions, await suppressions.ReadKeysAsync(cancellationToken));
        if (intake is not null && intake.Sendable.Count == 0)
        {
            errors[request.RecipientList is null ? "recipients" : "recipientList"] =
                [$"No recipient is left to send to ({intake.Invalid} invalid, {intake.Duplicates} duplicates, {intake.Excluded} excluded, {intake.Suppressed} suppressed)."];
        }

        if (errors.Count > 0 || intake is null || body is null)
        {
            return new CampaignCreation(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        string hash = Hash(request);
        CampaignRecord? existing = idempotencyKey is null ? null : await campaigns.FindAsync(id, cancellationToken);
        if (existing is not null)
        {
            if (existing.RequestHash != hash)
            {
                return new CampaignCreation(id, new Dictionary<string, string[]>(), KeyConflict: true);
            }

            await ScheduleOnceAsync(durable, id, cancellationToken);
            return new CampaignCreation(id, new Dictionary<string, string[]>(), Replayed: true);
        }

        DateTimeOffset now = clock.GetUtcNow();
        await campaigns.SaveContentAsync(id, new CampaignContent(request.Subject!, body, request.UnsubscribeUrl), cancellationToken);
        await recipients.UpsertAsync(intake.Sendable.Concat(intake.Skipped), cancellationToken);
        await campaigns.UpsertAsync(new CampaignRecord
        {
            RowKey = id,
            Name = request.Name!.Trim(),
            Sender = request.Sender!,
            State = nameof(CampaignState.Scheduled),
            PacketSize = request.PacketSize ?? CampaignLimits.DefaultPacketSize,
            IntervalSeconds = request.IntervalSeconds ?? 0,
            ErrorLimit = request.ErrorLimit ?? 0,
            MaxAttempts = request.MaxAttempts ?? CampaignLimits.DefaultMaxAttempts,
            RetryDelaySeconds = request.RetryDelaySeconds ?? CampaignLimits.DefaultRetryDelaySeconds,
            Total = inputs!.Count,
            Sendable = intake.Sendable.Count,
            Duplicates = intake.Duplicates,
            Invalid = intake.Invalid,
            Excluded = intake.Excluded,
            Suppressed = intake.Suppressed,
            CreatedAt = now,
            StartAt = now,
            RequestHash = hash,
        }, cancellationToken);

        await ScheduleOnceAsync(durable, id, cancellationToken);
        return new CampaignCreation(id, new Dictionary<string, string[]>());
    }

    /// <summary>Schedules the orchestration unless a replayed request already did.</summary>
    private static async Task ScheduleOnceAsync(DurableTaskClient durable, string id, CancellationToken cancellationToken)
    {
        if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(CampaignOrchestrator), new CampaignCursor(id), new StartOrchestrationOptions(id), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<RecipientInput>?> ReadRecipientsAsync(CreateCampaignRequest request, Dictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        if (request.Recipients is { Count: > 0 } inline && !errors.ContainsKey("recipients"))
        {
            return inline.Select((r, i) => new RecipientInput(
                i + 1,
                r?.Email ?? string.Empty,
                (r?.Fields ?? []).ToDictionary(f => f.Key, f => f.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase))).ToList();
        }

        if (string.IsNullOrWhiteSpace(request.RecipientList) || errors.ContainsKey("recipientList"))
        {
            return null;
        }

        BinaryData? csv = Api.ResourceName.IsValid(request.RecipientList) ? await lists.FindAsync(request.RecipientList, cancellationToken) : null;
        if (csv is null)
        {
            errors["recipientList"] = [$"No uploaded recipient list named '{request.RecipientList}'."];
            return null;
        }

        try
        {
            IReadOnlyList<RecipientInput> rows = RecipientCsvReader.Read(csv.ToStream());
            if (rows.Count > CampaignLimits.MaxRecipients)
            {
                errors["recipientList"] = [$"At most {CampaignLimits.MaxRecipients} recipients per campaign; the list has {rows.Count}."];
                return null;
            }

            return rows;
        }
        catch (RecipientCsvException ex)
        {
            errors["recipientList"] = [ex.Message];
            return null;
        }
    }

    private static string NewId() => "c" + Guid.NewGuid().ToString("N")[..24];

    private static string IdFromKey(string key) =>
        "k" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];

    private static string Hash(CreateCampaignRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, MailMergeJson.Options)));
}
