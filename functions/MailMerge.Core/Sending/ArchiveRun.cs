using System.Threading.Channels;
using Azure;
using MailKit.Net.Imap;
using MailKit.Security;
using MailMerge.Recipients;

namespace MailMerge.Sending;

/// <summary>
/// The archive work of one packet. Each sent copy is uploaded in the background (at most
/// <see cref="MaxParallelUploads"/> at once, so the sending loop waits only when that many are still going), then
/// appended to the IMAP Sent folder over one connection when the account has one, and its archive columns are
/// written to its row in batches. A failure is recorded in the row, never retried by sending again: the message
/// itself went out. <see cref="CompleteAsync"/> waits for everything.
/// </summary>
public sealed class ArchiveRun : IAsyncDisposable
{
    /// <summary>Uploads in flight at once.</summary>
    public const int MaxParallelUploads = 4;

    /// <summary>Consecutive IMAP failures after which the packet stops trying and records the rest as not appended.</summary>
    public const int MaxImapFailuresInARow = 3;

    private readonly MessageArchive archive;
    private readonly string campaignId;
    private readonly string folder;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim slots = new(MaxParallelUploads, MaxParallelUploads);
    private readonly List<Task> uploads = [];
    private readonly Channel<(RecipientRow Row, ReadOnlyMemory<byte> Eml)>? toImap;
    private readonly Task imapWork = Task.CompletedTask;
    private readonly OutcomeWriter recorded;
    private Task? completion;
    private int archived, failed, appended, imapFailed;

    internal ArchiveRun(MessageArchive archive, RecipientTable recipients, string campaignId, string folder, ImapAccount? imap, TimeProvider clock, int batch, TimeSpan flush)
    {
        this.archive = archive;
        this.campaignId = campaignId;
        this.folder = folder;
        this.clock = clock;
        recorded = new OutcomeWriter(recipients, batch, flush, rows => recipients.MergeArchiveAsync(rows));
        if (imap is not null)
        {
            // Bounded: a slow IMAP server holds back the uploads (and so the sending loop) instead of filling memory.
            toImap = Channel.CreateBounded<(RecipientRow, ReadOnlyMemory<byte>)>(new BoundedChannelOptions(256) { SingleReader = true });
            imapWork = Task.Run(() => AppendAllAsync(imap, toImap.Reader));
        }
    }

    /// <summary>Queues the copy of a message the server accepted; waits only while all upload slots are busy.</summary>
    public async ValueTask AddAsync(RecipientRow row, ReadOnlyMemory<byte> eml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await slots.WaitAsync(cancellationToken);
        Task upload = Task.Run(() => StoreAsync(row, eml), CancellationToken.None);
        lock (uploads)
        {
            uploads.Add(upload);
        }
    }

    /// <summary>Waits until every copy is stored (or its failure recorded) and every row's archive columns are written.</summary>
    public Task CompleteAsync() => completion ??= CompleteOnceAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CompleteAsync();
        slots.Dispose();
    }

    private async Task CompleteOnceAsync()
    {
        Task[] pending;
        lock (uploads)
        {
            pending = [.. uploads];
        }

        await Task.WhenAll(pending);
        toImap?.Writer.TryComplete();
        await imapWork;
        try
        {
            await recorded.CompleteAsync();
        }
        catch (InvalidOperationException ex)
        {
            // The copies are stored; only their record in the rows is missing. Sending is not undone for that.
            archive.ReportUnrecorded(campaignId, ex);
        }

        archive.Report(campaignId, archived, failed, appended, imapFailed);
    }

    private async Task StoreAsync(RecipientRow row, ReadOnlyMemory<byte> eml)
    {
        try
        {
            if (eml.IsEmpty)
            {
                throw new InvalidOperationException("No copy of the message was kept while it was sent.");
            }

            await archive.StoreAsync(MessageArchive.BlobName(folder, campaignId, row.RowKey), eml);
            row.ArchivedAt = clock.GetUtcNow();
            row.ArchiveSize = eml.Length;
            row.ArchiveError = null;
            Interlocked.Increment(ref archived);
        }
        catch (Exception ex) when (ex is RequestFailedException or IOException or InvalidOperationException or TaskCanceledException)
        {
            row.ArchiveError = ex is RequestFailedException storage
                ? $"The sent copy could not be stored in the archive (storage answered {storage.Status} {storage.ErrorCode})."
                : $"The sent copy could not be stored in the archive: {ex.Message}";
            Interlocked.Increment(ref failed);
        }
        finally
        {
            slots.Release();
        }

        if (toImap is not null && !eml.IsEmpty)
        {
            await toImap.Writer.WriteAsync((row, eml));
        }
        else
        {
            recorded.Add(row);
        }
    }

    private async Task AppendAllAsync(ImapAccount imap, ChannelReader<(RecipientRow Row, ReadOnlyMemory<byte> Eml)> queue)
    {
        await using var sent = new ImapSentFolder(imap);
        int inARow = 0;
        string? givenUp = null;
        await foreach ((RecipientRow row, ReadOnlyMemory<byte> eml) in queue.ReadAllAsync())
        {
            if (givenUp is not null)
            {
                row.ImapError = givenUp;
                Interlocked.Increment(ref imapFailed);
                recorded.Add(row);
                continue;
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await sent.AppendAsync(eml, timeout.Token);
                row.ImapAppendedAt = clock.GetUtcNow();
                row.ImapError = null;
                Interlocked.Increment(ref appended);
                inARow = 0;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                row.ImapError = Describe(ex);
                Interlocked.Increment(ref imapFailed);
                if (++inARow >= MaxImapFailuresInARow)
                {
                    givenUp = $"Not appended: the IMAP mailbox failed {inARow} times in a row in this packet (last: {row.ImapError})";
                }
            }

            recorded.Add(row);
        }
    }

    /// <summary>Why an append failed, in words (MailKit's texts name the server and the command, never the password).</summary>
    private static string Describe(Exception ex) => ex switch
    {
        AuthenticationException => "The IMAP server refused the login of the sender account.",
        ImapCommandException command => $"The IMAP server refused the copy: {command.Response} {command.ResponseText}",
        MailKit.FolderNotFoundException => "The IMAP Sent folder does not exist.",
        OperationCanceledException => "The IMAP server did not answer in time.",
        _ => $"The IMAP mailbox could not be reached: {ex.GetType().Name}: {ex.Message}",
    };
}
