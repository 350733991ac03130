using System.Diagnostics.CodeAnalysis;

namespace MailMerge.Recipients;

/// <summary>
/// Addresses and whole domains never to send to. An entry is an address (<c>jan@firma.test</c>) or a domain
/// (<c>firma.test</c> or <c>@firma.test</c>, which also covers its subdomains); matching ignores letter case.
/// </summary>
public sealed class RecipientExclusions
{
    private readonly HashSet<string> addresses;
    private readonly HashSet<string> domains;

    private RecipientExclusions(HashSet<string> addresses, HashSet<string> domains)
    {
        this.addresses = addresses;
        this.domains = domains;
    }

    /// <summary>No exclusions.</summary>
    public static RecipientExclusions None { get; } = new([], []);

    /// <summary>Number of entries.</summary>
    public int Count => addresses.Count + domains.Count;

    /// <summary>Builds the exclusions from entries; a malformed entry is reported by its index, the rest are kept.</summary>
    public static RecipientExclusions Create(IEnumerable<string?> entries, out IReadOnlyDictionary<int, string> errors)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var found = new Dictionary<int, string>();
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        var domains = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (string? raw in entries)
        {
            string entry = (raw ?? string.Empty).Trim().ToLowerInvariant();
            int at = entry.IndexOf('@', StringComparison.Ordinal);
            if (entry.Length is 0 or > 254 || entry.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || at != entry.LastIndexOf('@'))
            {
                found[index] = "An exclusion is an address (jan@firma.test) or a domain (firma.test or @firma.test).";
            }
            else if (at > 0)
            {
                if (!IsDomain(entry[(at + 1)..]))
                {
                    found[index] = $"The domain of '{raw}' is not valid.";
                }
                else
                {
                    addresses.Add(entry);
                }
            }
            else if (!IsDomain(entry.TrimStart('@')))
            {
                found[index] = $"'{raw}' is neither an address nor a domain.";
            }
            else
            {
                domains.Add(entry.TrimStart('@'));
            }

            index++;
        }

        errors = found;
        return new RecipientExclusions(addresses, domains);
    }

    /// <summary>True when the address (a bare address) is excluded, with the reason naming the matching entry.</summary>
    public bool Excludes(string address, [NotNullWhen(true)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        reason = null;
        if (Count == 0)
        {
            return false;
        }

        string key = address.Trim().ToLowerInvariant();
        if (addresses.Contains(key))
        {
            reason = "The address is on the exclusion list.";
            return true;
        }

        int at = key.LastIndexOf('@');
        for (string domain = key[(at + 1)..]; domain.Length > 0;)
        {
            if (domains.Contains(domain))
            {
                reason = $"The domain {domain} is on the exclusion list.";
                return true;
            }

            int dot = domain.IndexOf('.', StringComparison.Ordinal);
            domain = dot < 0 ? string.Empty : domain[(dot + 1)..];
        }

        return false;
    }

    private static bool IsDomain(string domain) =>
        domain.Length is > 0 and <= 253 && domain.Split('.') is { Length: >= 2 } labels &&
        labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsLetterOrDigit(c) || c == '-'));
}
