using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>
/// <c>GET /api/health</c>: answers without a key so load balancers and scripts can probe the host. It asks Table
/// storage for one page of its tables (at most a few seconds): 200 <c>{"status":"ok"}</c> when storage answers,
/// 503 problem+json when it does not, since the host can then do nothing useful.
/// </summary>
public sealed class HealthApi(TableServiceClient tables)
{
    /// <summary>How long the storage probe may take.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The health answer.</summary>
    public async Task<IResult> GetAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await foreach (Azure.Page<Azure.Data.Tables.Models.TableItem> page in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return TypedResults.Ok(new { status = "ok" });
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable.", "The host is up but cannot reach its storage; campaigns and uploads wait until it is back.");
        }
    }
}
