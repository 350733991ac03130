using System.Globalization;
using MailMerge.Recipients;

namespace MailMerge.Contacts;

/// <summary>
/// The wizard's rules, as pure functions over contacts already read: picked companies expand to their general
/// addresses, default contact and other contacts as asked; persons to their primary or all addresses; then
/// lines without an address, excluded, invalid or repeated (ignoring letter case) are dropped with their reason.
/// </summary>
public static class SelectionResolver
{
    /// <summary>The addressees in order: for each picked company, itself and/or its persons as the rules say; then each picked person.</summary>
    public static IReadOnlyList<ContactCandidate> Candidates(ContactSelection selection, ContactSnapshot contacts)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(contacts);
        CompanyAddressRule rules = ContactSelectionRules.CompanyRules(selection);
        var candidates = new List<ContactCandidate>();
        foreach (string id in selection.Companies ?? [])
        {
            if (!contacts.Companies.TryGetValue(id, out Company? company))
            {
                continue;
            }

            IReadOnlyList<Person> members = contacts.Members.TryGetValue(id, out IReadOnlyList<Person>? found) ? found : [];
            if (rules.HasFlag(CompanyAddressRule.General))
            {
                candidates.Add(new ContactCandidate($"company {id}", company, null));
            }

            if (rules.HasFlag(CompanyAddressRule.DefaultContact))
            {
                Person? main = members.FirstOrDefault(p => p.IsDefault);
                candidates.Add(main is null
                    ? new ContactCandidate($"company {id}, default contact", company, null, "The company has no default contact person.")
                    : new ContactCandidate($"person {main.Id}, default contact", company, main));
            }

            if (rules.HasFlag(CompanyAddressRule.OtherContacts))
            {
                candidates.AddRange(members.Where(p => !p.IsDefault).Select(p => new ContactCandidate($"person {p.Id}, other contact", company, p)));
            }
        }

        foreach (string id in selection.Persons ?? [])
        {
            if (contacts.Persons.TryGetValue(id, out Person? person))
            {
                Company? company = person.CompanyId is { } companyId ? contacts.Companies.GetValueOrDefault(companyId) : null;
                candidates.Add(new ContactCandidate($"person {id}", company, person));
            }
        }

        return candidates;
    }

    /// <summary>
    /// The merge fields of an addressee: the built-in ones (company, person, account manager, postal address), then
    /// the company's custom fields, then the person's (a person's value wins over the company's).
    /// </summary>
    public static Dictionary<string, string> Fields(Company? company, Person? person, string? email)
    {
        PostalAddress? address = PostalAddressOf(company, person);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["company_id"] = company?.Id ?? string.Empty,
            ["company_name"] = company?.Name ?? string.Empty,
            ["company_tax_id"] = company?.TaxId ?? string.Empty,
            ["contact_id"] = person?.Id ?? string.Empty,
            ["contact_title"] = person?.Title ?? string.Empty,
            ["contact_first_name"] = person?.FirstName ?? string.Empty,
            ["contact_last_name"] = person?.LastName ?? string.Empty,
            ["contact_name"] = person?.FullName ?? string.Empty,
            ["email"] = email ?? string.Empty,
            ["account_manager_name"] = company?.AccountManager?.Name ?? string.Empty,
            ["account_manager_email"] = company?.AccountManager?.Email ?? string.Empty,
            ["street"] = address?.Street ?? string.Empty,
            ["postal_code"] = address?.PostalCode ?? string.Empty,
            ["city"] = address?.City ?? string.Empty,
            ["country"] = address?.Country ?? string.Empty,
        };
        foreach ((string name, string? value) in (company?.Fields ?? []).Concat(person?.Fields ?? []))
        {
            fields[name] = value ?? string.Empty;
        }

        return fields;
    }

    /// <summary>A person's own complete address, else the company's complete address, else null.</summary>
    public static PostalAddress? PostalAddressOf(Company? company, Person? person) =>
        person?.PostalAddress is { IsComplete: true } own ? own :
        company?.PostalAddress is { IsComplete: true } companyAddress ? companyAddress : null;

    /// <summary>
    /// The e-mail lines of the addressees, as intake inputs (line = position, 1-based) with the source of each, and
    /// the addressees that have no address at all; <c>Order</c> places both in one running order.
    /// </summary>
    public static (List<RecipientInput> Inputs, List<(string Source, int Order)> Lines, List<(int Order, DroppedLine Line)> NoAddress) Expand(
        IReadOnlyList<ContactCandidate> candidates, bool allPersonAddresses)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var inputs = new List<RecipientInput>();
        var lines = new List<(string Source, int Order)>();
        var dropped = new List<(int Order, DroppedLine Line)>();
        int order = 0;
        foreach (ContactCandidate candidate in candidates)
        {
            if (candidate.Missing is not null)
            {
                dropped.Add((order++, new DroppedLine(candidate.Source, null, DropReason.NoAddress, candidate.Missing)));
                continue;
            }

            IReadOnlyList<string> addresses = candidate.Person is { } person
                ? (allPersonAddresses ? person.EmailsPrimaryFirst : person.Primary is { } primary ? [primary] : [])
                : candidate.Company?.Emails ?? [];
            if (addresses.Count == 0)
            {
                string detail = candidate.Person is null ? "The company has no general e-mail address." : "The person has no e-mail address.";
                dropped.Add((order++, new DroppedLine(candidate.Person is null ? candidate.Source + ", general address" : candidate.Source, null, DropReason.NoAddress, detail)));
                continue;
            }

            for (int i = 0; i < addresses.Count; i++)
            {
                string source = candidate.Person is null ? $"{candidate.Source}, general address {i + 1}"
                    : i == 0 ? candidate.Source : $"{candidate.Source}, address {i + 1}";
                string address = addresses[i].Trim();
                string? name = candidate.Person is { } p ? p.FullName : candidate.Company?.Name;
                inputs.Add(new RecipientInput(inputs.Count + 1, Mailbox(name, address), Fields(candidate.Company, candidate.Person, address)));
                lines.Add((source, order++));
            }
        }

        return (inputs, lines, dropped);
    }

    /// <summary>
    /// Resolves the addressees into e-mail recipients, reporting every dropped line. Exclusions, the suppression
    /// list, invalid addresses and duplicates are decided by the same intake a campaign uses.
    /// </summary>
    public static EmailResolution ResolveEmail(
        IReadOnlyList<ContactCandidate> candidates, bool allPersonAddresses, RecipientExclusions exclusions, IReadOnlySet<string>? suppressed = null)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        (List<RecipientInput> inputs, List<(string Source, int Order)> lines, List<(int Order, DroppedLine Line)> dropped) = Expand(candidates, allPersonAddresses);
        RecipientIntake intake = RecipientIntakeBuilder.Build("resolution", inputs, exclusions, suppressed);
        var recipients = intake.Sendable
            .Select(row => new ResolvedRecipient(row.Line, row.Email, row.DisplayName, lines[row.Line - 1].Source, inputs[row.Line - 1].Fields))
            .ToList();
        foreach (RecipientRow row in intake.Skipped)
        {
            DropReason reason = row.Status switch
            {
                nameof(RecipientStatus.Duplicate) => DropReason.Duplicate,
                nameof(RecipientStatus.Excluded) => DropReason.Excluded,
                nameof(RecipientStatus.Suppressed) => DropReason.Suppressed,
                _ => DropReason.Invalid,
            };
            string detail = reason == DropReason.Duplicate && row.DuplicateOfLine is { } first
                ? $"Same address as {lines[first - 1].Source}; sent once, there."
                : row.Reason ?? "The address is not valid.";
            dropped.Add((lines[row.Line - 1].Order, new DroppedLine(lines[row.Line - 1].Source, row.Email, reason, detail)));
        }

        return new EmailResolution(recipients, dropped.OrderBy(d => d.Order).Select(d => d.Line).ToList(), inputs);
    }

    /// <summary>Resolves the addressees into letters: one per company or person, at a complete postal address.</summary>
    public static PostalResolution ResolvePostal(IReadOnlyList<ContactCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var recipients = new List<PostalRecipient>();
        var dropped = new List<DroppedLine>();
        var firstSource = new Dictionary<(ContactKind, string), string>();
        foreach (ContactCandidate candidate in candidates)
        {
            if (candidate.Missing is not null)
            {
                dropped.Add(new DroppedLine(candidate.Source, null, DropReason.NoAddress, candidate.Missing));
                continue;
            }

            (ContactKind kind, string id) = candidate.Person is { } person ? (ContactKind.Person, person.Id!) : (ContactKind.Company, candidate.Company!.Id!);
            if (firstSource.TryGetValue((kind, id), out string? earlier))
            {
                dropped.Add(new DroppedLine(candidate.Source, null, DropReason.Duplicate, $"The same {(kind == ContactKind.Company ? "company" : "person")} as {earlier}; one letter, there."));
                continue;
            }

            firstSource[(kind, id)] = candidate.Source;
            PostalAddress? address = PostalAddressOf(candidate.Company, candidate.Person);
            if (address is null)
            {
                dropped.Add(new DroppedLine(candidate.Source, null, DropReason.NoAddress,
                    "No complete postal address (street, postal code and city) for the contact or its company."));
                continue;
            }

            string addressee = candidate.Person is { } p
                ? string.Join(' ', new[] { p.Title, p.FullName }.Where(n => !string.IsNullOrWhiteSpace(n)))
                : candidate.Company!.Name ?? id;
            Dictionary<string, string> fields = Fields(candidate.Company, candidate.Person, candidate.Person?.Primary ?? candidate.Company?.Emails?.FirstOrDefault());
            fields["addressee"] = addressee;
            recipients.Add(new PostalRecipient(
                recipients.Count + 1, kind, id, addressee, candidate.Person is null ? null : candidate.Company?.Name, address, candidate.Source, fields));
        }

        return new PostalResolution(recipients, dropped);
    }

    /// <summary>A mailbox the intake parses back to the same address and display name (quoted as needed, never encoded).</summary>
    public static string Mailbox(string? name, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl))
        {
            return address;
        }

        string quoted = "\"" + name.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        return string.Create(CultureInfo.InvariantCulture, $"{quoted} <{address}>");
    }
}
