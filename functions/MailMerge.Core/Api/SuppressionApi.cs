using System.Globalization;
using MailMerge.Recipients;
using MailMerge.Storage;
using MailMerge.Suppressions;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>The standing suppression list: addresses that never get mail, applied whenever a campaign's list is built.</summary>
public sealed class SuppressionApi(StorageBootstrap storage, SuppressionList suppressions, TimeProvider clock)
{
    /// <summary>Most addresses one bulk request may add.</summary>
    public const int MaxBulk = 10_000;

    private const int MaxReasonLength = 200;

    /// <summary><c>GET /api/suppressions</c>: the list, paged (<c>pageSize</c>, <c>continuation</c>).</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PageQuery.TryRead(request, out PageQuery? page, out IResult? pageProblem))
        {
            return pageProblem;
        }

        (int pageSize, string? continuation) = (page.PageSize, page.Continuation);
        await storage.EnsureCreatedAsync(cancellationToken);

        try
        {
            (IReadOnlyList<SuppressionEntry> entries, string? next) = await suppressions.ReadPageAsync(pageSize, continuation, cancellationToken);
            return TypedResults.Ok(new
            {
                items = entries.Select(View),
                continuation = next,
                next = next is null ? null : $"/api/suppressions?pageSize={pageSize}&continuation={Uri.EscapeDataString(next)}",
            });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or Azure.RequestFailedException { Status: 400 })
        {
            return Problems.Invalid("continuation", "The continuation token is not one this API gave out.");
        }
    }

    /// <summary><c>POST /api/suppressions</c>: adds many addresses at once; 400 naming each bad one, and then nothing is added.</summary>
    public async Task<IResult> AddManyAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        (SuppressionRequest? body, IResult? problem) = await RequestBody.ReadJsonAsync<SuppressionRequest>(request, 8 * 1024 * 1024, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        if (body.Addresses is not { Count: > 0 })
        {
            errors["addresses"] = ["Give 'addresses': a non-empty array of e-mail addresses."];
        }
        else if (body.Addresses.Count > MaxBulk)
        {
            errors["addresses"] = [$"At most {MaxBulk} addresses per request."];
        }

        CheckReason(body.Reason, errors);
        var keys = new List<string>();
        for (int i = 0; body.Addresses is not null && body.Addresses.Count <= MaxBulk && i < body.Addresses.Count; i++)
        {
            if (RecipientAddress.TryParse(body.Addresses[i], out RecipientAddress? address, out string? reason))
            {
                keys.Add(address.Key);
            }
            else
            {
                errors[$"addresses[{i}]"] = [reason];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        DateTimeOffset now = clock.GetUtcNow();
        string[] distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        await suppressions.AddAsync(distinct.Select(k => Entry(k, body.Reason, now)), cancellationToken);
        return TypedResults.Ok(new { added = distinct.Length });
    }

    /// <summary><c>GET /api/suppressions/{address}</c>: the entry, or 404 when the address is not suppressed.</summary>
    public async Task<IResult> GetAsync(string address, CancellationToken cancellationToken = default)
    {
        if (!RecipientAddress.TryParse(address, out RecipientAddress? parsed, out string? reason))
        {
            return Problems.Invalid("address", reason);
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        SuppressionEntry? entry = await suppressions.FindAsync(parsed.Key, cancellationToken);
        return entry is null ? Problems.NotFound($"'{parsed.Address}' is not on the suppression list.") : TypedResults.Ok(View(entry));
    }

    /// <summary><c>PUT /api/suppressions/{address}</c>: adds one address (an optional JSON body gives the reason).</summary>
    public async Task<IResult> PutAsync(HttpRequest request, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RecipientAddress.TryParse(address, out RecipientAddress? parsed, out string? why))
        {
            return Problems.Invalid("address", why);
        }

        string? reason = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            (SuppressionRequest? body, IResult? problem) = await RequestBody.ReadJsonAsync<SuppressionRequest>(request, 64 * 1024, cancellationToken);
            if (body is null)
            {
                return problem!;
            }

            var errors = new Dictionary<string, string[]>();
            CheckReason(body.Reason, errors);
            if (body.Addresses is not null)
            {
                errors["addresses"] = ["The address is in the URL; use POST /api/suppressions to add many."];
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            reason = body.Reason;
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        SuppressionEntry entry = Entry(parsed.Key, reason, clock.GetUtcNow());
        await suppressions.AddAsync([entry], cancellationToken);
        return TypedResults.Ok(View(entry));
    }

    /// <summary><c>DELETE /api/suppressions/{address}</c>: 204, or 404 when the address was not suppressed.</summary>
    public async Task<IResult> DeleteAsync(string address, CancellationToken cancellationToken = default)
    {
        if (!RecipientAddress.TryParse(address, out RecipientAddress? parsed, out string? reason))
        {
            return Problems.Invalid("address", reason);
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        return await suppressions.RemoveAsync(parsed.Key, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"'{parsed.Address}' is not on the suppression list.");
    }

    private static void CheckReason(string? reason, Dictionary<string, string[]> errors)
    {
        if (reason is null)
        {
            return;
        }

        if (reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"The reason is longer than {MaxReasonLength} characters."];
        }
        else if (Templates.HeaderText.HasControlCharacters(reason))
        {
            errors["reason"] = ["The reason must be one line without control characters."];
        }
    }

    private static SuppressionEntry Entry(string key, string? reason, DateTimeOffset now) => new()
    {
        RowKey = SuppressionList.RowKey(key),
        Address = key,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        AddedAt = now,
    };

    private static object View(SuppressionEntry entry) => new { address = entry.Address, reason = entry.Reason, addedAt = entry.AddedAt };
}
