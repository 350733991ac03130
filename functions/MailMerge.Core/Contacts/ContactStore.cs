using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MailMerge.Json;
using MailMerge.Storage;

namespace MailMerge.Contacts;

/// <summary>
/// Companies and persons in the Contacts table (partition = id, row key = kind and id), with their index rows kept in
/// step: new rows are written before the contact, stale ones removed after it, so a search may see a stale
/// row for a moment (searches check every hit against the contact) but never misses a stored contact.
/// </summary>
public sealed class ContactStore(TableServiceClient tables, ContactIndexTables index, StorageBootstrap storage)
{
    private const int Attempts = 5;

    private TableClient Contacts => tables.GetTableClient(StorageNames.ContactsTable);

    /// <summary>
    /// The row key of a contact: its kind and id (<c>company|C003</c>, <c>person|C003-P2</c>). Unique in the table,
    /// not just in the partition: storage emulators look rows up by row key first, and a row key shared by every
    /// company would make each read scan all of them.
    /// </summary>
    public static string RowKey(ContactKind kind, string id) => (kind == ContactKind.Company ? "company|" : "person|") + id;

    /// <summary>Reads a company, or null.</summary>
    public Task<StoredContact<Company>?> FindCompanyAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync<Company>(id, ContactKind.Company, cancellationToken);

    /// <summary>Reads a person, or null.</summary>
    public Task<StoredContact<Person>?> FindPersonAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync<Person>(id, ContactKind.Person, cancellationToken);

    /// <summary>Stores a company (created or replaced); true when it was created.</summary>
    public Task<bool> SaveCompanyAsync(Company company, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(company);
        return SaveAsync(company.Id!, ContactKind.Company, company, ContactIndexEntries.For, cancellationToken);
    }

    /// <summary>Stores a person (created or replaced); true when it was created. A new default contact takes the flag from the company's others.</summary>
    public async Task<bool> SavePersonAsync(Person person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        bool created = await SaveAsync(person.Id!, ContactKind.Person, person, ContactIndexEntries.For, cancellationToken);
        if (person.IsDefault && person.CompanyId is { Length: > 0 } companyId)
        {
            await foreach (Person other in PersonsOfCompanyAsync(companyId, cancellationToken))
            {
                if (other.IsDefault && other.Id != person.Id)
                {
                    await SaveAsync(other.Id!, ContactKind.Person, other with { IsDefault = false }, ContactIndexEntries.For, cancellationToken);
                }
            }
        }

        return created;
    }

    /// <summary>Deletes a company; false when there was none.</summary>
    public Task<bool> DeleteCompanyAsync(string id, CancellationToken cancellationToken = default) =>
        DeleteAsync<Company>(id, ContactKind.Company, ContactIndexEntries.For, cancellationToken);

    /// <summary>Deletes a person; false when there was none.</summary>
    public Task<bool> DeletePersonAsync(string id, CancellationToken cancellationToken = default) =>
        DeleteAsync<Person>(id, ContactKind.Person, ContactIndexEntries.For, cancellationToken);

    /// <summary>The persons of a company, in id order.</summary>
    public async IAsyncEnumerable<Person> PersonsOfCompanyAsync(string companyId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        try
        {
            TableClient members = index.Table(ContactIndexEntry.MembersTable);
            await foreach (TableEntity row in members.QueryAsync<TableEntity>(e => e.PartitionKey == companyId, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                ids.Add(row.RowKey);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        StoredContact<Person>?[] persons = await Task.WhenAll(ids.Select(id => FindPersonAsync(id, cancellationToken)));
        foreach (StoredContact<Person>? person in persons)
        {
            // A member row can outlive a move to another company for a moment; the person's own record decides.
            if (person is not null && person.Value.CompanyId == companyId)
            {
                yield return person.Value;
            }
        }
    }

    /// <summary>
    /// Writes contacts known to be new in bulk: index rows first, then the contacts, in transactions of up to
    /// 100 rows per partition. Used by imports for ids not stored yet.
    /// </summary>
    public async Task WriteNewAsync(IReadOnlyCollection<Company> companies, IReadOnlyCollection<Person> persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(persons);
        await storage.EnsureCreatedAsync(cancellationToken);
        await index.UpsertAsync(companies.SelectMany(ContactIndexEntries.For).Concat(persons.SelectMany(ContactIndexEntries.For)), cancellationToken);
        IEnumerable<TableEntity> rows = companies.Select(c => Row(c.Id!, ContactKind.Company, c))
            .Concat(persons.Select(p => Row(p.Id!, ContactKind.Person, p)));

        // Partition = id, so each contact is its own transaction; keep many in flight.
        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (row, token) => await Contacts.UpsertEntityAsync(row, TableUpdateMode.Replace, token));
    }

    private async Task<StoredContact<T>?> FindAsync<T>(string id, ContactKind kind, CancellationToken cancellationToken)
        where T : class
    {
        NullableResponse<TableEntity> found;
        try
        {
            found = await Contacts.GetEntityIfExistsAsync<TableEntity>(id, RowKey(kind, id), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        if (!found.HasValue || found.Value!.GetString("Document") is not { } document)
        {
            return null;
        }

        return new StoredContact<T>(JsonSerializer.Deserialize<T>(document, MailMergeJson.Options)!, found.Value.ETag);
    }

    private async Task<bool> SaveAsync<T>(string id, ContactKind kind, T contact, Func<T, IReadOnlyList<ContactIndexEntry>> entriesOf, CancellationToken cancellationToken)
        where T : class
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        IReadOnlyList<ContactIndexEntry> wanted = entriesOf(contact);
        for (int attempt = 1; ; attempt++)
        {
            StoredContact<T>? old = await FindAsync<T>(id, kind, cancellationToken);
            // Rows are compared by keys: a row both versions need is kept, never deleted. Until the contact is
            // written its rows carry the words of both versions, so neither version can be filtered out of a search.
            IReadOnlyList<ContactIndexEntry> before = old is null ? [] : entriesOf(old.Value);
            IReadOnlyList<ContactIndexEntry> stale = before.Except(wanted).ToList();
            IReadOnlyList<ContactIndexEntry> meanwhile = ContactIndexEntries.WithWordsOf(wanted, before);
            await index.UpsertAsync(meanwhile, cancellationToken);
            ETag written;
            try
            {
                TableEntity row = Row(id, kind, contact);
                written = old is null
                    ? (await Contacts.AddEntityAsync(row, cancellationToken)).Headers.ETag!.Value
                    : (await Contacts.UpdateEntityAsync(row, old.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag!.Value;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < Attempts)
            {
                continue; // Someone else changed it between our read and write: read again.
            }

            await index.DeleteAsync(stale, cancellationToken);
            await index.UpsertAsync(wanted.Where((entry, i) => entry.Words != meanwhile[i].Words), cancellationToken);
            await ReconcileAsync(id, kind, written, entriesOf, cancellationToken);
            return old is null;
        }
    }

    private async Task<bool> DeleteAsync<T>(string id, ContactKind kind, Func<T, IReadOnlyList<ContactIndexEntry>> entriesOf, CancellationToken cancellationToken)
        where T : class
    {
        for (int attempt = 1; ; attempt++)
        {
            StoredContact<T>? old = await FindAsync<T>(id, kind, cancellationToken);
            if (old is null)
            {
                return false;
            }

            try
            {
                await Contacts.DeleteEntityAsync(id, RowKey(kind, id), old.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412 && attempt < Attempts)
            {
                continue;
            }

            await index.DeleteAsync(entriesOf(old.Value), cancellationToken);
            return true;
        }
    }

    /// <summary>
    /// When another writer replaced the contact while we removed our stale rows, we may have removed a row the
    /// newer version needs: write the current version's rows again (idempotent).
    /// </summary>
    private async Task ReconcileAsync<T>(string id, ContactKind kind, ETag written, Func<T, IReadOnlyList<ContactIndexEntry>> entriesOf, CancellationToken cancellationToken)
        where T : class
    {
        StoredContact<T>? now = await FindAsync<T>(id, kind, cancellationToken);
        if (now is not null && now.ETag != written)
        {
            await index.UpsertAsync(entriesOf(now.Value), cancellationToken);
        }
    }

    private static TableEntity Row<T>(string id, ContactKind kind, T contact) => new(id, RowKey(kind, id))
    {
        ["Document"] = JsonSerializer.Serialize(contact, MailMergeJson.Options),
    };
}
