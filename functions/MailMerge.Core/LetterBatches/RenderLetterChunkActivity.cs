using System.Globalization;
using System.Text.Json;
using MailMerge.Journals;
using MailMerge.Json;
using MailMerge.Letters;
using Microsoft.DurableTask;

namespace MailMerge.LetterBatches;

/// <summary>
/// Handles one chunk of letters: gives each its registered-mail and journal numbers (from the batch's blocks),
/// writes one .docx per recipient to Blob storage (per-recipient output) and the journal entries. Idempotent: a
/// letter already generated is not rendered again, and rows and entries are written whole with the same values.
/// </summary>
public sealed class RenderLetterChunkActivity(LetterBatchStore batches, LetterTemplateCache templates, JournalTable journals, TimeProvider clock)
    : TaskActivity<LetterChunk, LetterTotals>
{
    /// <inheritdoc />
    public override async Task<LetterTotals> RunAsync(TaskActivityContext context, LetterChunk input)
    {
        ArgumentNullException.ThrowIfNull(input);
        LetterBatchRecord batch = await batches.FindAsync(input.BatchId) ?? throw new InvalidOperationException($"Letter batch {input.BatchId} does not exist.");
        int first = input.Chunk * input.ChunkSize + 1;
        int last = Math.Min(first + input.ChunkSize - 1, batch.Total);
        List<LetterRow> rows = await batches.ReadLettersAsync(batch.RowKey, first, last);
        DocxTemplate? template = batch.Combined ? null : await templates.GetAsync(batch.RowKey);
        CultureInfo culture = LetterBatchRequestValidator.CultureOf(batch.Culture);
        string[] nameFields = Split(batch.NameFields);
        string[] addressFields = Split(batch.AddressFields);
        var entries = new List<JournalEntry>();
        var totals = new LetterTotals();
        DateTimeOffset now = clock.GetUtcNow();
        foreach (LetterRow row in rows)
        {
            Dictionary<string, string?> fields = Fields(row);
            RegisteredNumber? registered = batch.RegisteredFirst is { } serial
                ? RegisteredNumber.Create(batch.ServiceIndicator!, checked((int)(serial + row.Line - 1)), batch.Country!)
                : null;
            string? journalNumber = batch.JournalFirst is { } sequence ? JournalNumber.Format(batch.Journal!, batch.JournalYear, sequence + row.Line - 1) : null;
            row.RegisteredNumber = registered?.ToString();
            row.JournalNumber = journalNumber;
            if (batch.Combined)
            {
                row.State = nameof(LetterState.Generated);
                row.Document = LetterBatchStore.CombinedFile;
            }
            else if (row.State != nameof(LetterState.Generated))
            {
                await RenderAsync(batch, row, template!, LetterFields.For(batch, row.Line, fields, registered, journalNumber), culture);
            }

            totals = totals.Add(new LetterTotals(
                row.State == nameof(LetterState.Generated) ? 1 : 0,
                row.State == nameof(LetterState.Failed) ? 1 : 0,
                string.IsNullOrEmpty(row.MissingFields) ? 0 : 1));
            if (journalNumber is not null)
            {
                // Every reserved number gets its entry, a failed letter too (without a document): the register has no gaps.
                entries.Add(new JournalEntry
                {
                    PartitionKey = batch.Journal!,
                    RowKey = JournalNumber.RowKey(batch.JournalYear, batch.JournalFirst!.Value + row.Line - 1),
                    Number = journalNumber,
                    Year = batch.JournalYear,
                    Sequence = batch.JournalFirst.Value + row.Line - 1,
                    BatchId = batch.RowKey,
                    Line = row.Line,
                    Subject = batch.Subject,
                    Recipient = PostalRecipient.From(fields, nameFields, addressFields).Name,
                    DeliveryMethod = batch.DeliveryMethod,
                    RegisteredNumber = row.RegisteredNumber,
                    ReceivedDate = batch.ReceivedDate ?? string.Empty,
                    StorageLocation = batch.StorageLocation,
                    Document = row.State == nameof(LetterState.Generated) ? row.Document! : string.Empty,
                    RegisteredAt = now,
                });
            }
        }

        await batches.UpsertLettersAsync(rows, Azure.Data.Tables.TableUpdateMode.Replace);
        if (entries.Count > 0)
        {
            await journals.UpsertAsync(entries);
        }

        return totals;
    }

    /// <summary>The merge values stored with a letter.</summary>
    public static Dictionary<string, string?> Fields(LetterRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var stored = JsonSerializer.Deserialize<Dictionary<string, string?>>(row.FieldsJson, MailMergeJson.Options) ?? [];
        return new Dictionary<string, string?>(stored, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The document file name of a per-recipient letter.</summary>
    public static string FileName(LetterRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.RegisteredNumber is null
            ? string.Create(CultureInfo.InvariantCulture, $"letter-{row.Line:D5}.docx")
            : string.Create(CultureInfo.InvariantCulture, $"letter-{row.Line:D5}-{row.RegisteredNumber}.docx");
    }

    private async Task RenderAsync(LetterBatchRecord batch, LetterRow row, DocxTemplate template, Dictionary<string, string?> values, CultureInfo culture)
    {
        using var output = new MemoryStream();
        LetterMergeResult result;
        try
        {
            result = template.Merge(values, output, culture);
        }
        catch (Exception ex) when (ex is LetterTemplateException or FormatException or ArgumentException or System.Xml.XmlException)
        {
            // A value the document cannot hold fails this letter alone; the reason names no value.
            row.State = nameof(LetterState.Failed);
            row.Reason = "The letter could not be generated: " + ex.GetType().Name;
            return;
        }

        string file = FileName(row);
        await batches.SaveDocumentAsync(batch.RowKey, file, BinaryData.FromBytes(output.GetBuffer().AsMemory(0, (int)output.Length)));
        row.State = nameof(LetterState.Generated);
        row.Document = file;
        row.Reason = null;
        row.MissingFields = result.MissingFields.Count == 0 ? null : string.Join(',', result.MissingFields);
    }

    private static string[] Split(string fields) => fields.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
