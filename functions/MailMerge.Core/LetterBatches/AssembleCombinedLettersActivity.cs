using System.Runtime.CompilerServices;
using MailMerge.Letters;
using Microsoft.DurableTask;

namespace MailMerge.LetterBatches;

/// <summary>
/// Writes a batch's combined document straight to Blob storage: letter rows are read page by page and each
/// letter is merged and written before the next is read, so memory holds one letter and one upload block, not
/// the document. Running it again writes the same document again. Returns the letters with empty merge fields.
/// </summary>
public sealed class AssembleCombinedLettersActivity(LetterBatchStore batches, LetterTemplateCache templates) : TaskActivity<string, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        LetterBatchRecord batch = await batches.FindAsync(input) ?? throw new InvalidOperationException($"Letter batch {input} does not exist.");
        DocxTemplate template = await templates.GetAsync(batch.RowKey);
        var writer = new CombinedDocumentWriter(template, LetterBatchRequestValidator.CultureOf(batch.Culture));
        CombinedDocumentResult result;
        Stream output = await batches.OpenDocumentWriteAsync(batch.RowKey, LetterBatchStore.CombinedFile);
        await using (output)
        {
            result = await writer.WriteAsync(ValuesAsync(batch), output);
        }

        return result.MissingFieldsByLetter.Count;
    }

    private async IAsyncEnumerable<IReadOnlyDictionary<string, string?>> ValuesAsync(LetterBatchRecord batch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (LetterRow row in batches.ReadAllLettersAsync(batch.RowKey, cancellationToken))
        {
            RegisteredNumber? registered = row.RegisteredNumber is null ? null : RegisteredNumber.Parse(row.RegisteredNumber);
            yield return LetterFields.For(batch, row.Line, RenderLetterChunkActivity.Fields(row), registered, row.JournalNumber);
        }
    }
}
