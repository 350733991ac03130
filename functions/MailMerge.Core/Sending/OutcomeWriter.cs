using MailMerge.Recipients;

namespace MailMerge.Sending;

/// <summary>
/// Writes recipient outcomes while a packet is still sending: rows gather until a batch is full or a short
/// time has passed, then go to the table in one transaction (never a round trip per message). Writes run
/// one after another in the background; <see cref="FlushAsync"/> waits until everything added is durable.
/// </summary>
public sealed class OutcomeWriter : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly RecipientTable table;
    private readonly Func<List<RecipientRow>, Task>? write;
    private readonly int batchSize;
    private readonly Timer timer;
    private List<RecipientRow> buffer = [];
    private Task writing = Task.CompletedTask;
    private Exception? failure;

    /// <summary>Starts the writer; <paramref name="write"/> replaces the outcome merge (e.g. to write the archive columns).</summary>
    public OutcomeWriter(RecipientTable table, int batchSize, TimeSpan maxDelay, Func<List<RecipientRow>, Task>? write = null)
    {
        this.table = table;
        this.write = write;
        this.batchSize = Math.Clamp(batchSize, 1, RecipientTable.TransactionLimit);
        timer = new Timer(_ => StartWrite(), null, maxDelay, maxDelay);
    }

    /// <summary>Queues a row whose outcome is final.</summary>
    public void Add(RecipientRow row)
    {
        lock (gate)
        {
            buffer.Add(row);
            if (buffer.Count >= batchSize)
            {
                StartWriteLocked();
            }
        }
    }

    /// <summary>
    /// Starts writing what is queued; the task ends when every row added so far is stored, and throws if a
    /// write failed. The caller may hold the task and await it later, while it goes on adding rows.
    /// </summary>
    public async Task FlushAsync()
    {
        Task pending;
        lock (gate)
        {
            StartWriteLocked();
            pending = writing;
        }

        await pending;
        if (failure is not null)
        {
            throw new InvalidOperationException("Recipient outcomes could not be stored.", failure);
        }
    }

    /// <summary>Flushes and stops the timer.</summary>
    public async Task CompleteAsync()
    {
        await timer.DisposeAsync();
        await FlushAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await timer.DisposeAsync();
        Task pending;
        lock (gate)
        {
            StartWriteLocked();
            pending = writing;
        }

        await pending;
    }

    private void StartWrite()
    {
        lock (gate)
        {
            StartWriteLocked();
        }
    }

    private void StartWriteLocked()
    {
        if (buffer.Count == 0)
        {
            return;
        }

        List<RecipientRow> batch = buffer;
        buffer = [];
        writing = writing.ContinueWith(_ => WriteWithRetryAsync(batch), TaskScheduler.Default).Unwrap();
    }

    private async Task WriteWithRetryAsync(List<RecipientRow> batch)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await (write is null ? table.MergeOutcomesAsync(batch) : write(batch));
                return;
            }
            catch (Azure.RequestFailedException ex)
            {
                if (attempt >= 5)
                {
                    failure ??= ex;
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
