using System.Text;
using Azure;
using Azure.Data.Tables;

namespace MailMerge.Contacts;

/// <summary>
/// Prefix search over the index tables. Tables have no full-text search, so every word, address and city of a
/// contact has a row keyed by its folded text; a search is a range scan <c>RowKey ge "lodz" and lt "lodz\uffff"</c>
/// in the partition of the first two letters. Every hit is checked against the stored contact, so rows left by
/// an interrupted update never show, and a contact matching through two words shows once.
/// </summary>
public sealed class ContactSearch(ContactIndexTables index, ContactStore store)
{
    /// <summary>Most index rows one request reads; a page may come back short with a continuation after that.</summary>
    public const int MaxRowsScanned = 5000;

    /// <summary>The words a query looks for (folded); the first is the one scanned.</summary>
    public static IReadOnlyList<string> QueryTerms(string text, ContactSearchField by)
    {
        if (by == ContactSearchField.Email)
        {
            string key = ContactIndexEntry.Cut(ContactText.EmailKey(text));
            return key.Length == 0 ? [] : [key];
        }

        // The longest word narrows the scan most; the others are checked against each hit.
        return ContactText.Words(text).Select(ContactIndexEntry.Cut).Distinct().OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs the query; throws <see cref="FormatException"/> for a continuation this search did not give out.</summary>
    public async Task<ContactSearchPage> SearchAsync(ContactSearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<string> terms = QueryTerms(query.Text, query.By);
        if (terms.Count == 0)
        {
            return new ContactSearchPage([], null);
        }

        string scan = terms[0];
        string? after = query.Continuation is null ? null : DecodeContinuation(query.Continuation, scan);
        TableClient table = index.Table(ContactIndexEntry.TableFor(query.By, scan[0]));
        string upper = scan + char.MaxValue;
        string filter = scan.Length >= 2
            ? TableClient.CreateQueryFilter($"PartitionKey eq {ContactIndexEntry.PartitionFor(scan)} and RowKey ge {scan} and RowKey lt {upper}")
            : TableClient.CreateQueryFilter($"RowKey ge {scan} and RowKey lt {upper}");
        if (after is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        var hits = new List<ContactSearchHit>();
        var pending = new List<(string RowKey, string Token, ContactKind Kind, string Id)>();
        string? last = null;
        int scanned = 0;
        try
        {
            await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Max(query.PageSize * 2, 50), select: ["RowKey", ContactIndexEntry.WordsColumn], cancellationToken: cancellationToken))
            {
                scanned++;
                if (ContactIndexEntry.TryParse(row.RowKey, out string token, out ContactKind kind, out string id) && (query.Kind is null || query.Kind == kind)
                    && MayMatch(row.GetString(ContactIndexEntry.WordsColumn), token, terms, query.By))
                {
                    pending.Add((row.RowKey, token, kind, id));
                }
                else
                {
                    last = row.RowKey;
                }

                if (pending.Count >= query.PageSize - hits.Count || scanned >= MaxRowsScanned)
                {
                    last = await CheckAsync(pending, terms, query, hits, cancellationToken) ?? last;
                    pending.Clear();
                    if (hits.Count >= query.PageSize || scanned >= MaxRowsScanned)
                    {
                        return new ContactSearchPage(hits, Encode(last));
                    }
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new ContactSearchPage([], null); // No contact has ever had a token starting this way.
        }

        await CheckAsync(pending, terms, query, hits, cancellationToken);
        return new ContactSearchPage(hits, null);
    }

    /// <summary>Reads the candidates' contacts at once and keeps those that really match; returns the row key of the last candidate consumed.</summary>
    private async Task<string?> CheckAsync(List<(string RowKey, string Token, ContactKind Kind, string Id)> candidates, IReadOnlyList<string> terms, ContactSearchQuery query, List<ContactSearchHit> hits, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        ContactSearchHit?[] found = await Task.WhenAll(candidates.Select(c => MatchAsync(c.Token, c.Kind, c.Id, terms, query.By, cancellationToken)));
        string? last = null;
        for (int i = 0; i < candidates.Count && hits.Count < query.PageSize; i++)
        {
            if (found[i] is { } hit)
            {
                hits.Add(hit);
            }

            last = candidates[i].RowKey;
        }

        return last;
    }

    private async Task<ContactSearchHit?> MatchAsync(string token, ContactKind kind, string id, IReadOnlyList<string> terms, ContactSearchField by, CancellationToken cancellationToken)
    {
        if (kind == ContactKind.Company)
        {
            Company? company = (await store.FindCompanyAsync(id, cancellationToken))?.Value;
            return company is not null && Matches(ContactIndexEntries.Tokens(company), token, terms, by)
                ? new ContactSearchHit(kind, id, company.Name ?? id, null, company.Emails?.FirstOrDefault(), company.PostalAddress?.City)
                : null;
        }

        Person? person = (await store.FindPersonAsync(id, cancellationToken))?.Value;
        return person is not null && Matches(ContactIndexEntries.Tokens(person), token, terms, by)
            ? new ContactSearchHit(kind, id, string.Join(' ', new[] { person.Title, person.FullName }.Where(n => !string.IsNullOrWhiteSpace(n))), person.CompanyId, person.Primary, person.PostalAddress?.City)
            : null;
    }

    /// <summary>
    /// True when the contact still has the scanned token, that token is its first one (in key order) starting with
    /// the scanned term — so a contact shows once however many of its words match — and every other term starts one of its words.
    /// </summary>
    public static bool Matches(IEnumerable<(ContactSearchField Field, string Token)> tokens, string token, IReadOnlyList<string> terms, ContactSearchField by)
    {
        ArgumentNullException.ThrowIfNull(terms);
        List<string> own = tokens.Where(t => t.Field == by).Select(t => t.Token).ToList();
        string? first = own.Where(t => t.StartsWith(terms[0], StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
        return first == token && terms.Skip(1).All(term => own.Any(t => t.StartsWith(term, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The check of <see cref="Matches"/> made on the words the index row carries, so rows that cannot match are
    /// passed over without reading their contact. A row without words (e-mail rows) may match.
    /// </summary>
    private static bool MayMatch(string? words, string token, IReadOnlyList<string> terms, ContactSearchField by) =>
        words is null || Matches(words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (by, w)), token, terms, by);

    private static string? Encode(string? rowKey) =>
        rowKey is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodeContinuation(string continuation, string scan)
    {
        string base64 = continuation.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        string rowKey = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        // A forged token could carry a NUL or a non-character into the key filter, which storage answers with a server error.
        return rowKey.StartsWith(scan, StringComparison.Ordinal) && !rowKey.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            ? rowKey
            : throw new FormatException("The continuation belongs to another search.");
    }
}
