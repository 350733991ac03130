using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailMerge.Counters;
using MailMerge.Journals;
using MailMerge.Json;
using MailMerge.Letters;
using MailMerge.Recipients;
using MailMerge.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MailMerge.LetterBatches;

/// <summary>
/// Accepts letter batches: checks everything before anything is stored, writes a row per letter, freezes the
/// template in the batch's folder, then starts the orchestration with the batch id as instance id. Also renders
/// previews, which store and reserve nothing.
/// </summary>
public sealed class LetterBatchService(
    StorageBootstrap storage, LetterBatchStore batches, LetterTemplateStore templates, RecipientListStore lists, CounterTable counters, Contacts.ContactResolver contacts, TimeProvider clock)
{
    /// <summary>Default name of the registered-mail counter.</summary>
    public const string DefaultCounter = "registered";

    /// <summary>Checks and, when valid, stores and starts the batch.</summary>
    public async Task<LetterBatchCreation> CreateAsync(CreateLetterBatchRequest request, string? idempotencyKey, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        (LetterBatchInput? input, Dictionary<string, string[]> errors) = await ReadAsync(request, cancellationToken);
        if (input is null)
        {
            return new LetterBatchCreation(null, errors);
        }

        string id = idempotencyKey is null ? "l" + Guid.NewGuid().ToString("N")[..24] : "m" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24];
        string hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, MailMergeJson.Options)));
        string? notice = input.Combined && !input.Template.HasContextMarkers
            ? $"The template has no {ContextLayout.BeginMarker} and {ContextLayout.EndMarker} markers, so the whole document repeats for each recipient."
            : null;
        if (idempotencyKey is not null && await batches.FindAsync(id, cancellationToken) is { } existing)
        {
            if (!string.Equals(existing.RequestHash, hash, StringComparison.Ordinal))
            {
                return new LetterBatchCreation(id, new Dictionary<string, string[]>(), KeyConflict: true);
            }

            await StartOnceAsync(durable, id, cancellationToken);
            return new LetterBatchCreation(id, new Dictionary<string, string[]>(), notice, Replayed: true, Dropped: input.Dropped);
        }

        DateTimeOffset now = clock.GetUtcNow();
        RegisteredNumbersRequest? numbers = input.Method.IsRegistered() ? request.RegisteredNumbers ?? new RegisteredNumbersRequest(null, null, null, null) : null;
        var record = new LetterBatchRecord
        {
            RowKey = id,
            Subject = request.Subject!.Trim(),
            Template = request.Template!,
            DeliveryMethod = input.Method.ToApiName(),
            StorageLocation = string.IsNullOrWhiteSpace(request.StorageLocation) ? null : request.StorageLocation.Trim(),
            Combined = input.Combined,
            Culture = LetterBatchRequestValidator.CultureOf(request.Culture).Name,
            Total = input.Recipients.Count,
            Dropped = input.Dropped.Count,
            DroppedJson = input.Dropped.Count == 0 ? null : LetterBatchRecord.DroppedText(input.Dropped),
            RegisteredCounter = numbers is null ? null : numbers.Counter ?? DefaultCounter,
            RegisteredStart = numbers?.Start ?? 1,
            ServiceIndicator = numbers is null ? null : (numbers.ServiceIndicator ?? "RR").ToUpperInvariant(),
            Country = numbers is null ? null : (numbers.Country ?? "PL").ToUpperInvariant(),
            Journal = request.Journal?.Name,
            ReceivedDate = request.Journal?.ReceivedDate,
            JournalYear = now.Year,
            NameFields = string.Join(',', request.NameFields ?? []),
            AddressFields = string.Join(',', request.AddressFields ?? []),
            CreatedAt = now,
            RequestHash = hash,
        };

        await batches.SaveTemplateAsync(id, input.TemplateBytes, cancellationToken);
        await batches.UpsertLettersAsync(input.Recipients.Select((fields, i) => new LetterRow
        {
            PartitionKey = id,
            RowKey = LetterRow.KeyOf(i + 1),
            Line = i + 1,
            FieldsJson = JsonSerializer.Serialize(fields, MailMergeJson.Options),
        }), cancellationToken: cancellationToken);
        await batches.UpsertAsync(record, cancellationToken);
        await StartOnceAsync(durable, id, cancellationToken);
        return new LetterBatchCreation(id, new Dictionary<string, string[]>(), notice, Dropped: input.Dropped);
    }

    /// <summary>
    /// Renders one recipient's letter (the first, or <see cref="CreateLetterBatchRequest.Line"/>) as it would be
    /// generated, with the numbers the counters would give next; reserves and stores nothing.
    /// </summary>
    public async Task<(byte[]? Docx, Dictionary<string, string[]> Errors, IReadOnlyList<string> MissingFields)> PreviewAsync(
        CreateLetterBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (LetterBatchInput? input, Dictionary<string, string[]> errors) = await ReadAsync(request, cancellationToken);
        if (input is null)
        {
            return (null, errors, []);
        }

        int line = request.Line ?? 1;
        if (line > input.Recipients.Count)
        {
            return (null, new Dictionary<string, string[]> { ["line"] = [$"There are {input.Recipients.Count} recipients; line {line} is beyond the list."] }, []);
        }

        DateTimeOffset now = clock.GetUtcNow();
        RegisteredNumber? registered = null;
        if (input.Method.IsRegistered())
        {
            RegisteredNumbersRequest numbers = request.RegisteredNumbers ?? new RegisteredNumbersRequest(null, null, null, null);
            long next = await counters.PeekAsync(RegisteredCounterKey(numbers.Counter ?? DefaultCounter), numbers.Start ?? 1, cancellationToken);
            registered = RegisteredNumber.Create(numbers.ServiceIndicator ?? "RR", (int)Math.Min(next + line - 1, RegisteredNumber.MaxSerial), numbers.Country ?? "PL");
        }

        string? journalNumber = null;
        if (request.Journal?.Name is { } journal)
        {
            long next = await counters.PeekAsync(JournalNumber.Counter(journal, now.Year), 1, cancellationToken);
            journalNumber = JournalNumber.Format(journal, now.Year, next + line - 1);
        }

        var batch = new LetterBatchRecord
        {
            Subject = request.Subject!.Trim(),
            DeliveryMethod = input.Method.ToApiName(),
            StorageLocation = request.StorageLocation,
            ReceivedDate = request.Journal?.ReceivedDate,
        };
        using var output = new MemoryStream();
        LetterMergeResult result = input.Template.Merge(
            LetterFields.For(batch, line, input.Recipients[line - 1], registered, journalNumber), output, LetterBatchRequestValidator.CultureOf(request.Culture));
        return (output.ToArray(), errors, result.MissingFields);
    }

    /// <summary>The counter key of a registered-mail counter name.</summary>
    public static string RegisteredCounterKey(string counter) => "registered|" + counter;

    private async Task<(LetterBatchInput? Input, Dictionary<string, string[]> Errors)> ReadAsync(CreateLetterBatchRequest request, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        Dictionary<string, List<string>> errors = LetterBatchRequestValidator.Validate(request);
        DocxTemplate? template = null;
        BinaryData? bytes = null;
        if (!errors.ContainsKey("template"))
        {
            bytes = await templates.FindAsync(request.Template!, cancellationToken);
            if (bytes is null)
            {
                errors["template"] = [$"No uploaded letter template named '{request.Template}'."];
            }
            else
            {
                // Uploads are checked, but a template stored before a check existed is read again here.
                template = TryLoad(bytes, out string? unusable);
                bool combined = LetterBatchRequestValidator.IsCombined(request.Output);
                if (template is null)
                {
                    errors["template"] = [$"The letter template '{request.Template}' cannot be used: {unusable} Upload it again."];
                }
                else if (combined && template.ContextMarkerProblem is { } problem)
                {
                    errors["template"] = [$"The template cannot make a combined document: {problem}"];
                }
            }
        }

        IReadOnlyList<Dictionary<string, string?>>? recipients = request.Recipients;
        IReadOnlyList<Contacts.DroppedLine> dropped = [];
        if (request.Contacts is not null && !errors.Keys.Any(k => k is "contacts" or "recipients" or "recipientList"))
        {
            (recipients, dropped) = await ResolveContactsAsync(request.Contacts, errors, cancellationToken);
        }
        else if (recipients is null && !errors.ContainsKey("recipientList") && !errors.ContainsKey("recipients") && !errors.ContainsKey("contacts"))
        {
            recipients = await ReadListAsync(request.RecipientList!, errors, cancellationToken);
        }

        // Inline recipients were checked by the validator; a list or a selection can still hold a letter whose fields
        // do not fit in its row, which would fail the whole batch after it was accepted.
        if (request.Recipients is null && recipients is not null && TooLarge(recipients) is { } tooLarge)
        {
            errors[request.Contacts is not null ? "contacts" : "recipientList"] = [tooLarge];
        }

        if (errors.Count > 0 || template is null || recipients is null || !DeliveryMethods.TryParse(request.DeliveryMethod, out DeliveryMethod method))
        {
            return (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        return (new LetterBatchInput(template, bytes!, recipients, method, LetterBatchRequestValidator.IsCombined(request.Output), dropped), []);
    }

    private static DocxTemplate? TryLoad(BinaryData bytes, out string? problem)
    {
        try
        {
            problem = null;
            return DocxTemplate.Load(bytes.ToStream());
        }
        catch (LetterTemplateException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// The letters a contact selection gives, as merge fields (with <c>recipient_name</c>, the addressee, for the
    /// dispatch list), and the contacts left out with their reasons.
    /// </summary>
    private async Task<(IReadOnlyList<Dictionary<string, string?>>? Recipients, IReadOnlyList<Contacts.DroppedLine> Dropped)> ResolveContactsAsync(
        Contacts.ContactSelection selection, Dictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        (Contacts.PostalResolution? resolution, Dictionary<string, List<string>> found) = await contacts.ResolvePostalAsync(selection, "contacts.", cancellationToken);
        foreach ((string field, List<string> reasons) in found)
        {
            errors[field] = reasons;
        }

        if (resolution is null)
        {
            return (null, []);
        }

        if (resolution.Recipients.Count is 0 or > LetterBatchRequestValidator.MaxRecipients)
        {
            errors["contacts"] = [string.Create(CultureInfo.InvariantCulture,
                $"A batch needs 1 to {LetterBatchRequestValidator.MaxRecipients} letters; the selection gives {resolution.Recipients.Count} ({resolution.Dropped.Count} contacts left out, see POST /api/contacts/resolve with \"mode\": \"letters\").")];
            return (null, []);
        }

        List<Dictionary<string, string?>> recipients = resolution.Recipients.Select(r =>
        {
            var fields = r.Fields.ToDictionary(f => f.Key, f => (string?)f.Value, StringComparer.OrdinalIgnoreCase);
            fields.TryAdd("recipient_name", r.Addressee);
            return fields;
        }).ToList();
        return (recipients, resolution.Dropped);
    }

    private static string? TooLarge(IReadOnlyList<Dictionary<string, string?>> recipients)
    {
        for (int i = 0; i < recipients.Count; i++)
        {
            if (MergeFieldLimits.Check(recipients[i], out string? field) is { } reason)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Letter {i + 1}{(field is null ? string.Empty : $", field '{field}'")}: {reason}");
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<Dictionary<string, string?>>?> ReadListAsync(string name, Dictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        BinaryData? csv = await lists.FindAsync(name, cancellationToken);
        if (csv is null)
        {
            errors["recipientList"] = [$"No uploaded recipient list named '{name}'."];
            return null;
        }

        try
        {
            IReadOnlyList<Dictionary<string, string?>> rows = RecipientCsvReader.ReadColumns(csv.ToStream());
            if (rows.Count is 0 or > LetterBatchRequestValidator.MaxRecipients)
            {
                errors["recipientList"] = [string.Create(CultureInfo.InvariantCulture, $"A batch needs 1 to {LetterBatchRequestValidator.MaxRecipients} recipients; the list has {rows.Count}.")];
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

    private static async Task StartOnceAsync(DurableTaskClient durable, string id, CancellationToken cancellationToken)
    {
        if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(LetterBatchOrchestrator), new LetterBatchCursor(id), new StartOrchestrationOptions(id), cancellationToken);
        }
    }
}
