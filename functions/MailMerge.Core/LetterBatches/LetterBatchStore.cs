using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using MailMerge.Storage;

namespace MailMerge.LetterBatches;

/// <summary>Letter batches: their rows, their letters' rows, their frozen template and their generated documents.</summary>
public sealed class LetterBatchStore(TableServiceClient tables, BlobServiceClient blobs)
{
    /// <summary>File name of a batch's combined document.</summary>
    public const string CombinedFile = "letters.docx";

    private const string TemplateFile = "template.docx";

    private TableClient Batches => tables.GetTableClient(StorageNames.LetterBatchesTable);

    private TableClient Letters => tables.GetTableClient(StorageNames.LettersTable);

    private BlobContainerClient Documents => blobs.GetBlobContainerClient(StorageNames.LetterDocumentsContainer);

    /// <summary>Reads a batch, or null.</summary>
    public async Task<LetterBatchRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        NullableResponse<LetterBatchRecord> found = await Batches.GetEntityIfExistsAsync<LetterBatchRecord>(LetterBatchRecord.Partition, id, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Inserts or replaces a batch row.</summary>
    public Task UpsertAsync(LetterBatchRecord record, CancellationToken cancellationToken = default) =>
        Batches.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Merges the given columns into a batch row (the others stay).</summary>
    public Task MergeAsync(TableEntity columns, CancellationToken cancellationToken = default) =>
        Batches.UpsertEntityAsync(columns, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Writes letter rows, 100 per transaction.</summary>
    public async Task UpsertLettersAsync(IEnumerable<LetterRow> rows, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        var action = mode == TableUpdateMode.Replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpsertMerge;
        foreach (IGrouping<string, LetterRow> batch in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (LetterRow[] chunk in batch.Chunk(100))
            {
                await Letters.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(action, r)), cancellationToken);
            }
        }
    }

    /// <summary>The letters of lines <paramref name="firstLine"/> to <paramref name="lastLine"/>, in line order.</summary>
    public async Task<List<LetterRow>> ReadLettersAsync(string id, int firstLine, int lastLine, CancellationToken cancellationToken = default)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {LetterRow.KeyOf(firstLine)} and RowKey le {LetterRow.KeyOf(lastLine)}");
        var rows = new List<LetterRow>();
        await foreach (LetterRow row in Letters.QueryAsync<LetterRow>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every letter of a batch in line order, read page by page.</summary>
    public IAsyncEnumerable<LetterRow> ReadAllLettersAsync(string id, CancellationToken cancellationToken = default) =>
        Letters.QueryAsync<LetterRow>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken);

    /// <summary>One letter, or null.</summary>
    public async Task<LetterRow?> FindLetterAsync(string id, int line, CancellationToken cancellationToken = default)
    {
        NullableResponse<LetterRow> found = await Letters.GetEntityIfExistsAsync<LetterRow>(id, LetterRow.KeyOf(line), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Keeps the batch's own copy of its template, so a later upload under the same name changes nothing.</summary>
    public Task SaveTemplateAsync(string id, BinaryData docx, CancellationToken cancellationToken = default) =>
        SaveDocumentAsync(id, TemplateFile, docx, cancellationToken);

    /// <summary>The batch's template.</summary>
    public async Task<BinaryData> LoadTemplateAsync(string id, CancellationToken cancellationToken = default) =>
        (await Blob(id, TemplateFile).DownloadContentAsync(cancellationToken)).Value.Content;

    /// <summary>Stores or replaces a generated document.</summary>
    public async Task SaveDocumentAsync(string id, string file, BinaryData docx, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = LetterTemplateStore.DocxContentType } };
        await Blob(id, file).UploadAsync(docx, options, cancellationToken);
    }

    /// <summary>A stream that writes a document block by block (the combined document), replacing any earlier one.</summary>
    public Task<Stream> OpenDocumentWriteAsync(string id, string file, CancellationToken cancellationToken = default) =>
        Documents.GetBlockBlobClient($"{id}/{file}").OpenWriteAsync(
            overwrite: true,
            new BlockBlobOpenWriteOptions { HttpHeaders = new BlobHttpHeaders { ContentType = LetterTemplateStore.DocxContentType }, BufferSize = 4 * 1024 * 1024 },
            cancellationToken);

    /// <summary>Opens a generated document for reading, or null when it does not exist.</summary>
    public async Task<(Stream Content, long Length)?> OpenDocumentReadAsync(string id, string file, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobDownloadStreamingResult result = (await Blob(id, file).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return (result.Content, result.Details.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private BlobClient Blob(string id, string file) => Documents.GetBlobClient($"{id}/{file}");
}
