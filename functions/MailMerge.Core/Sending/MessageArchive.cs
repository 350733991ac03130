using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MailMerge.Recipients;
using MailMerge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailMerge.Sending;

/// <summary>
/// The archive of sent messages in Blob storage: one .eml per recipient, named
/// <c>&lt;folder&gt;/&lt;campaign id&gt;/&lt;row&gt;.eml</c> so that storing it again replaces it, never adds a second copy.
/// A packet stores its copies through an <see cref="ArchiveRun"/>.
/// </summary>
public sealed partial class MessageArchive(BlobServiceClient blobs, RecipientTable recipients, IOptions<SendingOptions> options, TimeProvider clock, ILogger<MessageArchive> log)
{
    /// <summary>The content type of an archived message.</summary>
    public const string ContentType = "message/rfc822";

    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageNames.ArchiveContainer);

    /// <summary>The blob name of a recipient's sent copy.</summary>
    public static string BlobName(string folder, string campaignId, string rowKey) => $"{folder}/{campaignId}/{rowKey}.eml";

    /// <summary>Starts the archive work of one packet; dispose it (or await <see cref="ArchiveRun.CompleteAsync"/>) before the packet ends.</summary>
    public ArchiveRun Start(string campaignId, string folder, ImapAccount? imap)
    {
        SendingOptions settings = options.Value;
        return new ArchiveRun(this, recipients, campaignId, folder, imap, clock, settings.OutcomeBatch, TimeSpan.FromMilliseconds(settings.OutcomeFlushMilliseconds));
    }

    /// <summary>Stores (or replaces) one sent copy.</summary>
    public async Task StoreAsync(string blobName, ReadOnlyMemory<byte> eml, CancellationToken cancellationToken = default)
    {
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType } };
        await Container.GetBlobClient(blobName).UploadAsync(new BinaryData(eml), upload, cancellationToken);
    }

    /// <summary>Opens one archived copy for reading, or null when there is none.</summary>
    public async Task<(Stream Content, long Length)?> OpenAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobDownloadStreamingResult result = (await Container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return (result.Content, result.Details.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Logs what a packet's archive work did: counts only, never an address.</summary>
    internal void Report(string campaignId, int archived, int failed, int appended, int imapFailed) =>
        LogArchived(log, campaignId, archived, failed, appended, imapFailed);

    /// <summary>Logs that the archive columns of some rows could not be written.</summary>
    internal void ReportUnrecorded(string campaignId, Exception ex) => LogUnrecorded(log, campaignId, ex.GetType().Name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: {Archived} copies archived ({Failed} failed), {Appended} appended to the IMAP Sent folder ({ImapFailed} failed)")]
    private static partial void LogArchived(ILogger logger, string campaignId, int archived, int failed, int appended, int imapFailed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: the archive columns of some rows could not be stored ({ExceptionType})")]
    private static partial void LogUnrecorded(ILogger logger, string campaignId, string exceptionType);
}
