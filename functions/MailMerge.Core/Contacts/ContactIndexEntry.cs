using System.Globalization;

namespace MailMerge.Contacts;

/// <summary>
/// One row of a contact's secondary index. Search rows live in one table per field and first character of
/// the token (<c>ContactsByNameK</c>), partitioned by the token's first two characters, with the row key
/// <c>token|kind|id</c>: a prefix search is a range scan of one partition of one small table. Member rows
/// (company → person) live in <see cref="MembersTable"/>, partitioned by company. A search row also carries the
/// contact's other folded words of the same field (<see cref="Words"/>), so a query of several words is narrowed
/// on the index rows alone, without reading every candidate contact. A row is identified by table and keys only.
/// </summary>
/// <param name="Table">The table holding the row.</param>
/// <param name="PartitionKey">Partition key.</param>
/// <param name="RowKey">Row key.</param>
public sealed record ContactIndexEntry(string Table, string PartitionKey, string RowKey)
{
    /// <summary>Table of company → person rows.</summary>
    public const string MembersTable = "ContactMembers";

    /// <summary>Longest token kept; longer words are cut (a prefix search still finds them).</summary>
    public const int MaxTokenLength = 200;

    /// <summary>Name of the column holding <see cref="Words"/>.</summary>
    public const string WordsColumn = "W";

    /// <summary>The contact's folded words of the row's field, separated by spaces (null for member rows and e-mail rows).</summary>
    public string? Words { get; init; }

    /// <summary>The field a search row indexes (null for member rows).</summary>
    public ContactSearchField? Field { get; init; }

    /// <summary>A search row: <paramref name="token"/> (already folded) points at contact <paramref name="id"/>.</summary>
    public static ContactIndexEntry Search(ContactSearchField field, string token, ContactKind kind, string id, string? words = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        token = Cut(token);
        return new ContactIndexEntry(TableFor(field, token[0]), PartitionFor(token), $"{token}|{KindCode(kind)}|{id}") { Words = words, Field = field };
    }

    /// <summary>Rows are the same row when table and keys are equal, whatever the words they carry.</summary>
    public bool Equals(ContactIndexEntry? other) =>
        other is not null && Table == other.Table && PartitionKey == other.PartitionKey && RowKey == other.RowKey;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Table, PartitionKey, RowKey);

    /// <summary>A member row: person <paramref name="personId"/> belongs to company <paramref name="companyId"/>.</summary>
    public static ContactIndexEntry Member(string companyId, string personId) => new(MembersTable, companyId, personId);

    /// <summary>The table of <paramref name="field"/>'s tokens starting with <paramref name="first"/>.</summary>
    public static string TableFor(ContactSearchField field, char first) =>
        "ContactsBy" + field.ToString() + (first is >= 'a' and <= 'z' or >= '0' and <= '9' ? char.ToUpperInvariant(first).ToString() : "Other");

    /// <summary>The partition of a token: its first two characters.</summary>
    public static string PartitionFor(string token) => token.Length <= 2 ? token : token[..2];

    /// <summary>Tokens are cut to <see cref="MaxTokenLength"/>, and so are queries.</summary>
    public static string Cut(string token) => token.Length <= MaxTokenLength ? token : token[..MaxTokenLength];

    /// <summary>One letter per kind in row keys.</summary>
    public static char KindCode(ContactKind kind) => kind == ContactKind.Company ? 'c' : 'p';

    /// <summary>Splits a search row key back into token, kind and id; false for a key of another shape.</summary>
    public static bool TryParse(string rowKey, out string token, out ContactKind kind, out string id)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        int last = rowKey.LastIndexOf('|');
        int middle = last > 0 ? rowKey.LastIndexOf('|', last - 1) : -1;
        token = id = string.Empty;
        kind = ContactKind.Company;
        if (middle <= 0 || last - middle != 2 || rowKey[middle + 1] is not ('c' or 'p'))
        {
            return false;
        }

        token = rowKey[..middle];
        kind = rowKey[middle + 1] == 'c' ? ContactKind.Company : ContactKind.Person;
        id = rowKey[(last + 1)..];
        return id.Length > 0;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Table}/{PartitionKey}/{RowKey}");
}
