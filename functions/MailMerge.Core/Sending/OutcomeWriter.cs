using System.Threading.Channels;
using MailMerge.Recipients;

namespace MailMerge.Sending;

/// <summary>
/// Writes recipient outcomes while a packet is still sending: rows gather for at most a batch or a short
/// time, then go to the table in one transaction, so outcomes are durable soon after the server's reply
/// without a round trip per message.
/// </summary>
public sealed class OutcomeWriter : IAsyncDisposable
{
    private readonly Channel<RecipientRow> pending = Channel.CreateUnbounded<RecipientRow>(new UnboundedChannelOptions { SingleReader = true });
    private readonly RecipientTable table;
    private readonly int batchSize;
    private readonly TimeSpan maxDelay;
    private readonly Task pump;

    /// <summary>Starts the writer.</summary>
    public OutcomeWriter(RecipientTable table, int batchSize, TimeSpan maxDelay)
    {
        this.table = table;
        this.batchSize = Math.Clamp(batchSize, 1, RecipientTable.TransactionLimit);
        this.maxDelay = maxDelay;
        pump = Task.Run(PumpAsync);
    }

    /// <summary>Number of Table transactions written.</summary>
    public int Transactions { get; private set; }

    /// <summary>Queues a row whose outcome is final.</summary>
    public void Add(RecipientRow row) => pending.Writer.TryWrite(row);

    /// <summary>Writes what is queued and waits for it; throws if a write failed.</summary>
    public async Task CompleteAsync()
    {
        pending.Writer.TryComplete();
        await pump;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        try
        {
            await pump;
        }
        catch (Azure.RequestFailedException)
        {
            // CompleteAsync reports write failures; disposal after an earlier error must not hide that error.
        }
    }

    private async Task PumpAsync()
    {
        var batch = new List<RecipientRow>(batchSize);
        ChannelReader<RecipientRow> reader = pending.Reader;
        while (await reader.WaitToReadAsync())
        {
            using var window = new CancellationTokenSource(maxDelay);
            try
            {
                while (batch.Count < batchSize)
                {
                    if (reader.TryRead(out RecipientRow? row))
                    {
                        batch.Add(row);
                    }
                    else if (!await reader.WaitToReadAsync(window.Token))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The window closed: write what has gathered.
            }

            if (batch.Count > 0)
            {
                await WriteWithRetryAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task WriteWithRetryAsync(List<RecipientRow> batch)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await table.UpsertAsync(batch);
                Transactions++;
                return;
            }
            catch (Azure.RequestFailedException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
