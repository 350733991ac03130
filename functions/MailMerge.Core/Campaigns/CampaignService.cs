using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailMerge.Attachments;
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
/// and its frozen templates, then schedules the orchestration with the campaign id as instance id — or, for a
/// draft, stores it to be changed (<see cref="UpdateDraftAsync"/>) and started later.
/// </summary>
public sealed class CampaignService(
    StorageBootstrap storage,
    CampaignStore campaigns,
    RecipientTable recipients,
    TemplateStore templateStore,
    RecipientListStore lists,
    Suppressions.SuppressionList suppressions,
    IOptions<SenderOptions> senders,
    Contacts.ContactResolver contacts,
    CampaignAttachmentStore attachments,
    TimeProvider clock)
{
    /// <summary>Validates and, when valid, creates the campaign and schedules it (or stores it as a draft).</summary>
    public async Task<CampaignCreation> CreateAsync(CreateCampaignRequest request, string? idempotencyKey, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        await storage.EnsureCreatedAsync(cancellationToken);
        string id = idempotencyKey is null ? NewId() : IdFromKey(idempotencyKey);
        (Prepared? prepared, Dictionary<string, List<string>> errors) = await PrepareAsync(request, id, cancellationToken);
        if (prepared is null)
        {
            return new CampaignCreation(null, Flatten(errors));
        }

        string hash = Hash(request);
        CampaignRecord? existing = idempotencyKey is null ? null : await campaigns.FindAsync(id, cancellationToken);
        if (existing is not null)
        {
            if (existing.RequestHash != hash)
            {
                return new CampaignCreation(id, new Dictionary<string, string[]>(), KeyConflict: true);
            }

            // A replay of the same request schedules what the first one may not have got to; a draft is started
            // only by its start call, and a cancelled campaign stays cancelled.
            if (request.Draft != true && existing.State == nameof(CampaignState.Scheduled))
            {
                await ScheduleOnceAsync(durable, id, cancellationToken);
            }

            return new CampaignCreation(id, new Dictionary<string, string[]>(), Replayed: true, State: Enum.Parse<CampaignState>(existing.State));
        }

        DateTimeOffset now = clock.GetUtcNow();
        bool draft = request.Draft == true;
        AttachmentManifest? manifest = await SaveAsync(id, request, prepared, cancellationToken);
        CampaignRecord record = NewRecord(id, request, prepared, manifest, now);
        record.State = draft ? nameof(CampaignState.Draft) : nameof(CampaignState.Scheduled);
        record.RequestHash = hash;
        await campaigns.UpsertAsync(record, cancellationToken);
        if (!draft)
        {
            await ScheduleOnceAsync(durable, id, cancellationToken);
        }

        return new CampaignCreation(id, new Dictionary<string, string[]>(), State: draft ? CampaignState.Draft : CampaignState.Scheduled);
    }

    /// <summary>
    /// Changes a draft with a JSON merge patch (RFC 7396) of its create request: the result is validated as a
    /// whole and the list, templates and rows are rebuilt from it.
    /// </summary>
    public async Task<CampaignCreation> UpdateDraftAsync(string id, JsonObject patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        await storage.EnsureCreatedAsync(cancellationToken);
        CampaignRecord? record = await campaigns.FindAsync(id, cancellationToken);
        if (record is null)
        {
            return new CampaignCreation(null, new Dictionary<string, string[]>(), NotFound: true);
        }

        if (record.State != nameof(CampaignState.Draft))
        {
            return new CampaignCreation(id, new Dictionary<string, string[]>(), Conflict: $"Only a draft can be changed; this campaign is {record.State}.");
        }

        if (record.EditToken is not null && record.EditUntil > clock.GetUtcNow())
        {
            return new CampaignCreation(id, new Dictionary<string, string[]>(), Conflict: "Another change of this draft is being stored; try again when it has finished.");
        }

        if (patch.ContainsKey("draft"))
        {
            return new CampaignCreation(null, new Dictionary<string, string[]> { ["draft"] = ["A draft stays a draft until POST /api/campaigns/{id}/start."] });
        }

        JsonNode stored = JsonNode.Parse((await campaigns.LoadRequestAsync(id, cancellationToken)).ToString())!;
        JsonNode merged = MergePatch(stored, patch);
        CreateCampaignRequest request;
        try
        {
            request = merged.Deserialize<CreateCampaignRequest>(MailMergeJson.Options) ?? throw new JsonException("The merged request is empty.");
        }
        catch (JsonException ex)
        {
            string field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return new CampaignCreation(null, new Dictionary<string, string[]> { [field] = ["This value has the wrong type."] });
        }

        // A draft keeps the body it was built with (a library template may have been replaced or deleted since);
        // only a patch of the body itself loads it again.
        string? frozenBody = patch.Any(p => FrozenBody.Touches(p.Key)) ? null : (await campaigns.LoadContentAsync(id, cancellationToken)).Body;
        (Prepared? prepared, Dictionary<string, List<string>> errors) = await PrepareAsync(request, id, cancellationToken, frozenBody);
        if (prepared is null)
        {
            return new CampaignCreation(null, Flatten(errors));
        }

        // Claim the draft before writing anything: a start or another change that won the race leaves it untouched
        // (409, nothing changed), and none can begin while this one rewrites the rows and content.
        record.EditToken = Guid.NewGuid().ToString("N");
        record.EditUntil = clock.GetUtcNow() + EditClaim;
        if (!await campaigns.TryReplaceAsync(record, cancellationToken))
        {
            return new CampaignCreation(id, new Dictionary<string, string[]>(), Conflict: "The campaign changed while this request ran (started, or changed by another request); nothing was changed. Read it and try again.");
        }

        await recipients.DeleteAllAsync(id, cancellationToken);
        AttachmentManifest? manifest = await SaveAsync(id, request, prepared, cancellationToken);
        CampaignRecord updated = NewRecord(id, request, prepared, manifest, record.CreatedAt);
        updated.State = nameof(CampaignState.Draft);
        updated.RequestHash = record.RequestHash;
        updated.UpdatedAt = clock.GetUtcNow();
        updated.ETag = record.ETag;
        if (!await campaigns.TryReplaceAsync(updated, cancellationToken))
        {
            // Only when this change outlived its claim and another took it over: that one's rows and content stand.
            return new CampaignCreation(id, new Dictionary<string, string[]>(), Conflict: "This change took too long and another change of the draft took over; read it and try again.");
        }

        // The copies the draft had before this change are no longer referenced by its row.
        await attachments.DeleteOtherSetsAsync(id, manifest?.Set, cancellationToken);
        return new CampaignCreation(id, new Dictionary<string, string[]>(), State: CampaignState.Draft);
    }

    /// <summary>How long a change of a draft may take to rewrite its rows before another change may take over.</summary>
    public static readonly TimeSpan EditClaim = TimeSpan.FromMinutes(5);

    /// <summary>Schedules the orchestration unless it already exists.</summary>
    public static async Task ScheduleOnceAsync(DurableTaskClient durable, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(CampaignOrchestrator), new CampaignCursor(id), new StartOrchestrationOptions(id), cancellationToken);
        }
    }

    /// <summary>Everything a valid request resolves to before anything is stored.</summary>
    private sealed record Prepared(string Body, RecipientIntake Intake, int Lines, DateTimeOffset? StartAt, IReadOnlyList<AttachmentFile> Attachments);

    private async Task<(Prepared? Prepared, Dictionary<string, List<string>> Errors)> PrepareAsync(
        CreateCampaignRequest request, string id, CancellationToken cancellationToken, string? frozenBody = null)
    {
        Dictionary<string, List<string>> errors = CampaignRequestValidator.Validate(request, senders.Value.Accounts);
        DateTimeOffset? startAt = CampaignSchedule.Resolve(request.StartAt, request.StartAtLocal, request.StartNow, clock.GetUtcNow(), errors);

        string? body = frozenBody ?? request.Body;
        if (frozenBody is null && !string.IsNullOrWhiteSpace(request.BodyTemplate) && !errors.ContainsKey("bodyTemplate"))
        {
            body = Api.ResourceName.IsValid(request.BodyTemplate) ? await templateStore.FindAsync(request.BodyTemplate, cancellationToken) : null;
            if (body is null)
            {
                errors["bodyTemplate"] = [$"No uploaded template named '{request.BodyTemplate}'."];
            }
        }

        // Inlined once here, so the frozen body every message renders from already has its style attributes.
        if (frozenBody is null && body is not null && CssInliner.IsAsked(request.InlineCss, body))
        {
            body = FrozenBody.Inline(body, request.Body is null ? "bodyTemplate" : "body", errors);
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

        IReadOnlyList<AttachmentFile>? files = [];
        if (request.Attachments is { Count: > 0 } names && !errors.Keys.Any(k => k.StartsWith("attachments", StringComparison.Ordinal)))
        {
            files = await attachments.ResolveAsync(names.Select(n => n!).ToList(), errors, cancellationToken);
        }

        IReadOnlyList<RecipientInput>? inputs = await ReadRecipientsAsync(request, errors, cancellationToken);
        RecipientExclusions exclusions = RecipientExclusions.Create(request.Exclusions ?? [], out _);
        RecipientIntake? intake = inputs is null || errors.Keys.Any(k => k.StartsWith("exclusions", StringComparison.Ordinal))
            ? null
            : RecipientIntakeBuilder.Build(id, inputs, exclusions, await suppressions.ReadKeysAsync(cancellationToken));
        if (intake is not null && intake.Sendable.Count == 0)
        {
            errors[request.Contacts is not null ? "contacts" : request.RecipientList is null ? "recipients" : "recipientList"] =
                [$"No recipient is left to send to ({intake.Invalid} invalid, {intake.Duplicates} duplicates, {intake.Excluded} excluded, {intake.Suppressed} suppressed)."];
        }

        return errors.Count > 0 || intake is null || body is null || files is null
            ? (null, errors)
            : (new Prepared(body, intake, inputs!.Count, startAt, files), errors);
    }

    private async Task<AttachmentManifest?> SaveAsync(string id, CreateCampaignRequest request, Prepared prepared, CancellationToken cancellationToken)
    {
        AttachmentManifest? manifest = await attachments.FreezeAsync(id, prepared.Attachments, cancellationToken);
        await campaigns.SaveContentAsync(id, new CampaignContent(request.Subject!, prepared.Body, request.UnsubscribeUrl, request.ReplyTo), cancellationToken);
        await campaigns.SaveRequestAsync(id, BinaryData.FromObjectAsJson(request, MailMergeJson.Options), cancellationToken);
        await recipients.UpsertAsync(prepared.Intake.Sendable.Concat(prepared.Intake.Skipped), cancellationToken);
        return manifest;
    }

    private CampaignRecord NewRecord(string id, CreateCampaignRequest request, Prepared prepared, AttachmentManifest? manifest, DateTimeOffset createdAt)
    {
        DateTimeOffset now = clock.GetUtcNow();
        return new CampaignRecord
        {
            RowKey = id,
            Name = request.Name!.Trim(),
            Sender = request.Sender!,
            PacketSize = request.PacketSize ?? CampaignLimits.DefaultPacketSize,
            IntervalSeconds = request.IntervalSeconds ?? 0,
            ErrorLimit = request.ErrorLimit ?? 0,
            MaxAttempts = request.MaxAttempts ?? CampaignLimits.DefaultMaxAttempts,
            RetryDelaySeconds = request.RetryDelaySeconds ?? CampaignLimits.DefaultRetryDelaySeconds,
            ArchiveFolder = request.Archive is { Enabled: not false, Folder: { } folder } ? folder : null,
            Total = prepared.Lines,
            Sendable = prepared.Intake.Sendable.Count,
            SendSlots = prepared.Intake.Sendable.Count,
            Duplicates = prepared.Intake.Duplicates,
            Invalid = prepared.Intake.Invalid,
            Excluded = prepared.Intake.Excluded,
            Suppressed = prepared.Intake.Suppressed,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            StartAt = prepared.StartAt ?? now,
            HasStartTime = prepared.StartAt is not null,
            AttachmentsJson = CampaignAttachmentStore.Format(manifest),
        };
    }

    /// <summary>RFC 7396: objects merge member by member, null removes a member, anything else replaces.</summary>
    private static JsonNode MergePatch(JsonNode target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone()!;
        }

        JsonObject result = target as JsonObject is { } targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach ((string name, JsonNode? value) in patchObject)
        {
            string? existing = result.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (value is null)
            {
                if (existing is not null)
                {
                    result.Remove(existing);
                }

                continue;
            }

            JsonNode? current = existing is null ? null : result[existing];
            if (existing is not null)
            {
                result.Remove(existing);
            }

            result[name] = current is null ? value.DeepClone() : MergePatch(current, value);
        }

        return result;
    }

    private async Task<IReadOnlyList<RecipientInput>?> ReadRecipientsAsync(CreateCampaignRequest request, Dictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        if (request.Recipients is { Count: > 0 } inline && !errors.Keys.Any(k => k == "recipients" || k.StartsWith("recipients[", StringComparison.Ordinal)))
        {
            return inline.Select((r, i) => new RecipientInput(
                i + 1,
                r?.Email ?? string.Empty,
                (r?.Fields ?? []).ToDictionary(f => f.Key, f => f.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase))).ToList();
        }

        if (request.Contacts is not null)
        {
            if (errors.Keys.Any(k => k == "contacts" || k.StartsWith("contacts.", StringComparison.Ordinal)))
            {
                return null;
            }

            // Exclusions, suppressions, invalid addresses and duplicates are then decided at intake, as for any list.
            (IReadOnlyList<RecipientInput>? resolved, Dictionary<string, List<string>> contactErrors) =
                await contacts.ReadInputsAsync(request.Contacts, "contacts.", cancellationToken);
            foreach ((string field, List<string> reasons) in contactErrors)
            {
                errors[field] = reasons;
            }

            return resolved;
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

    private static Dictionary<string, string[]> Flatten(Dictionary<string, List<string>> errors) => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    private static string NewId() => "c" + Guid.NewGuid().ToString("N")[..24];

    private static string IdFromKey(string key) =>
        "k" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];

    private static string Hash(CreateCampaignRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, MailMergeJson.Options)));
}
