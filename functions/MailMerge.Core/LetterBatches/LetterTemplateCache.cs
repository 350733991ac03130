using System.Collections.Concurrent;
using MailMerge.Letters;

namespace MailMerge.LetterBatches;

/// <summary>Each batch's template, parsed once per host rather than once per chunk.</summary>
public sealed class LetterTemplateCache(LetterBatchStore batches)
{
    private const int Capacity = 16;
    private readonly ConcurrentDictionary<string, Lazy<Task<DocxTemplate>>> templates = new(StringComparer.Ordinal);

    /// <summary>The batch's frozen template.</summary>
    public async Task<DocxTemplate> GetAsync(string batchId, CancellationToken cancellationToken = default)
    {
        if (templates.Count > Capacity)
        {
            templates.Clear();
        }

        Lazy<Task<DocxTemplate>> entry = templates.GetOrAdd(batchId, id => new Lazy<Task<DocxTemplate>>(() => LoadAsync(id)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            templates.TryRemove(batchId, out _);
            throw;
        }
    }

    private async Task<DocxTemplate> LoadAsync(string batchId) =>
        DocxTemplate.Load((await batches.LoadTemplateAsync(batchId)).ToStream());
}
