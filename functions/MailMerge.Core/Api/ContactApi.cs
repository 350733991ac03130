using System.Globalization;
using System.Text;
using System.Text.Json;
using MailMerge.Contacts;
using MailMerge.Recipients;
using MailMerge.Storage;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>The contact store's endpoints: companies and persons, search, import and the resolution preview.</summary>
public sealed class ContactApi(
    StorageBootstrap storage, ContactStore store, ContactSearch search, ContactImporter importer, ContactResolver resolver, Suppressions.SuppressionList suppressions)
{
    private const long MaxContactBytes = 1024 * 1024;
    private const long MaxImportBytes = 64 * 1024 * 1024;

    /// <summary><c>POST /api/contacts/companies</c>: creates a company (an id is made when none is given); 409 when the id is taken.</summary>
    public async Task<IResult> CreateCompanyAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        (Company? company, IResult? problem) = await RequestBody.ReadJsonAsync<Company>(request, MaxContactBytes, cancellationToken);
        if (company is null)
        {
            return problem!;
        }

        company = company with { Id = company.Id ?? NewId("co") };
        if (Invalid(ContactValidator.Validate(company)) is { } invalid)
        {
            return invalid;
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        if (await store.FindCompanyAsync(company.Id!, cancellationToken) is not null)
        {
            return Conflict($"A company '{company.Id}' already exists; PUT /api/contacts/companies/{company.Id} replaces it.");
        }

        await store.SaveCompanyAsync(company, cancellationToken);
        return TypedResults.Created($"/api/contacts/companies/{company.Id}", company);
    }

    /// <summary><c>PUT /api/contacts/companies/{id}</c>: creates or replaces a company.</summary>
    public async Task<IResult> PutCompanyAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        (Company? company, IResult? problem) = await RequestBody.ReadJsonAsync<Company>(request, MaxContactBytes, cancellationToken);
        if (company is null)
        {
            return problem!;
        }

        if (company.Id is not null && company.Id != id)
        {
            return Problems.Invalid("id", $"The body's id '{company.Id}' differs from the route's '{id}'.");
        }

        company = company with { Id = id };
        if (Invalid(ContactValidator.Validate(company)) is { } invalid)
        {
            return invalid;
        }

        bool created = await store.SaveCompanyAsync(company, cancellationToken);
        return created ? TypedResults.Created($"/api/contacts/companies/{id}", company) : TypedResults.Ok(company);
    }

    /// <summary><c>GET /api/contacts/companies/{id}</c>.</summary>
    public async Task<IResult> GetCompanyAsync(string id, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return ResourceName.IsValid(id) && await store.FindCompanyAsync(id, cancellationToken) is { } found
            ? TypedResults.Ok(found.Value)
            : Problems.NotFound($"No company '{id}'.");
    }

    /// <summary><c>GET /api/contacts/companies/{id}/persons</c>: the company's contact persons.</summary>
    public async Task<IResult> GetCompanyPersonsAsync(string id, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        if (!ResourceName.IsValid(id) || await store.FindCompanyAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"No company '{id}'.");
        }

        var persons = new List<Person>();
        await foreach (Person person in store.PersonsOfCompanyAsync(id, cancellationToken))
        {
            persons.Add(person);
        }

        return TypedResults.Ok(new { items = persons });
    }

    /// <summary><c>DELETE /api/contacts/companies/{id}</c>: 409 while it has persons, unless <c>?withPersons=true</c> deletes them too.</summary>
    public async Task<IResult> DeleteCompanyAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await storage.EnsureCreatedAsync(cancellationToken);
        if (!ResourceName.IsValid(id) || await store.FindCompanyAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"No company '{id}'.");
        }

        var persons = new List<Person>();
        await foreach (Person person in store.PersonsOfCompanyAsync(id, cancellationToken))
        {
            persons.Add(person);
        }

        bool withPersons = string.Equals(request.Query["withPersons"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        if (persons.Count > 0 && !withPersons)
        {
            return Conflict($"Company '{id}' has {persons.Count} contact person(s); delete them first or add ?withPersons=true.");
        }

        foreach (Person person in persons)
        {
            await store.DeletePersonAsync(person.Id!, cancellationToken);
        }

        await store.DeleteCompanyAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary><c>POST /api/contacts/persons</c>: creates a person; 409 when the id is taken.</summary>
    public async Task<IResult> CreatePersonAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        (Person? person, IResult? problem) = await RequestBody.ReadJsonAsync<Person>(request, MaxContactBytes, cancellationToken);
        if (person is null)
        {
            return problem!;
        }

        person = person with { Id = person.Id ?? NewId("pe") };
        if (await CheckPersonAsync(person, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (await store.FindPersonAsync(person.Id!, cancellationToken) is not null)
        {
            return Conflict($"A person '{person.Id}' already exists; PUT /api/contacts/persons/{person.Id} replaces them.");
        }

        await store.SavePersonAsync(person, cancellationToken);
        return TypedResults.Created($"/api/contacts/persons/{person.Id}", person);
    }

    /// <summary><c>PUT /api/contacts/persons/{id}</c>: creates or replaces a person.</summary>
    public async Task<IResult> PutPersonAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        (Person? person, IResult? problem) = await RequestBody.ReadJsonAsync<Person>(request, MaxContactBytes, cancellationToken);
        if (person is null)
        {
            return problem!;
        }

        if (person.Id is not null && person.Id != id)
        {
            return Problems.Invalid("id", $"The body's id '{person.Id}' differs from the route's '{id}'.");
        }

        person = person with { Id = id };
        if (await CheckPersonAsync(person, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        bool created = await store.SavePersonAsync(person, cancellationToken);
        return created ? TypedResults.Created($"/api/contacts/persons/{id}", person) : TypedResults.Ok(person);
    }

    /// <summary><c>GET /api/contacts/persons/{id}</c>.</summary>
    public async Task<IResult> GetPersonAsync(string id, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return ResourceName.IsValid(id) && await store.FindPersonAsync(id, cancellationToken) is { } found
            ? TypedResults.Ok(found.Value)
            : Problems.NotFound($"No person '{id}'.");
    }

    /// <summary><c>DELETE /api/contacts/persons/{id}</c>.</summary>
    public async Task<IResult> DeletePersonAsync(string id, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return ResourceName.IsValid(id) && await store.DeletePersonAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"No person '{id}'.");
    }

    /// <summary>
    /// <c>GET /api/contacts/search?q=lodz&amp;by=city&amp;kind=company&amp;pageSize=20&amp;continuation=…</c>: contacts whose
    /// name words (<c>by=name</c>, default), e-mail addresses or city words start with what was typed, ignoring case and diacritics.
    /// </summary>
    public async Task<IResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        string q = request.Query["q"].FirstOrDefault() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            errors["q"] = ["Type 1 to 200 characters to search for."];
        }

        ContactSearchField by = ContactSearchField.Name;
        if (request.Query["by"].FirstOrDefault() is { } byText && !Enum.TryParse(byText, ignoreCase: true, out by))
        {
            errors["by"] = ["Use 'name' (default), 'email' or 'city'."];
        }

        ContactKind? kind = null;
        if (request.Query["kind"].FirstOrDefault() is { } kindText)
        {
            kind = Enum.TryParse(kindText, ignoreCase: true, out ContactKind parsed) ? parsed : null;
            if (kind is null)
            {
                errors["kind"] = ["Use 'company' or 'person', or leave it out for both."];
            }
        }

        int pageSize = 20;
        if (request.Query["pageSize"].FirstOrDefault() is { } sizeText &&
            (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            errors["pageSize"] = ["The page size must be a whole number from 1 to 100."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (ContactSearch.QueryTerms(q, by).Count == 0)
        {
            return Problems.Invalid("q", "Type at least one letter or digit to search for.");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        string? continuation = request.Query["continuation"].FirstOrDefault();
        try
        {
            ContactSearchPage page = await search.SearchAsync(new ContactSearchQuery(q, by, kind, pageSize, continuation), cancellationToken);
            string? next = page.Continuation is null ? null
                : $"/api/contacts/search?q={Uri.EscapeDataString(q)}&by={by.ToString().ToLowerInvariant()}{(kind is null ? string.Empty : "&kind=" + kind.ToString()!.ToLowerInvariant())}&pageSize={pageSize}&continuation={page.Continuation}";
            return TypedResults.Ok(new { items = page.Items, continuation = page.Continuation, next });
        }
        catch (FormatException)
        {
            return Problems.Invalid("continuation", "The continuation token is not one this search gave out.");
        }
    }

    /// <summary>
    /// <c>POST /api/contacts/import</c>: a JSON export (<c>companies</c>, <c>contact_persons</c>) or a CSV file; stores
    /// every good item and reports each rejected one with its reasons.
    /// </summary>
    public async Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (BinaryData? data, IResult? problem) = await RequestBody.ReadAsync(request, MaxImportBytes, cancellationToken);
        if (data is null)
        {
            return problem!;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data.ToMemory().Span).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Problems.Invalid("body", "The file is not valid UTF-8 text; export it as UTF-8.");
        }

        IReadOnlyList<ContactImportItem> items;
        try
        {
            bool json = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || text.TrimStart().StartsWith('{');
            items = json ? ContactJsonFile.Read(Encoding.UTF8.GetBytes(text)) : ContactCsvFile.Read(text);
        }
        catch (JsonException ex)
        {
            return Problems.Invalid("body", $"The JSON file cannot be read: {ex.Message}");
        }
        catch (RecipientCsvException ex)
        {
            return Problems.Invalid("body", ex.Message);
        }

        if (items.Count > ContactImporter.MaxItems)
        {
            return Problems.Invalid("body", $"At most {ContactImporter.MaxItems} contacts per import; the file has {items.Count}.");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        return TypedResults.Ok(await importer.ImportAsync(items, cancellationToken));
    }

    /// <summary>
    /// <c>POST /api/contacts/resolve</c>: the final list a selection gives, for <c>email</c> or <c>letters</c>: every
    /// line with its source, and every dropped line with its reason. Stores and sends nothing.
    /// </summary>
    public async Task<IResult> ResolveAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        (ContactResolveRequest? body, IResult? problem) = await RequestBody.ReadJsonAsync<ContactResolveRequest>(request, MaxContactBytes * 16, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        bool letters = string.Equals(body.Mode, "letters", StringComparison.OrdinalIgnoreCase);
        if (body.Mode is not null && !letters && !string.Equals(body.Mode, "email", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("mode", "Use 'email' (default) or 'letters'.");
        }

        if (body.Contacts is null)
        {
            return Problems.Invalid("contacts", "Give the selection: {\"companies\": [...], \"persons\": [...], \"companyAddresses\": [...], \"personAddresses\": \"primary\"}.");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        if (letters)
        {
            (PostalResolution? postal, Dictionary<string, List<string>> postalErrors) = await resolver.ResolvePostalAsync(body.Contacts, "contacts.", cancellationToken);
            return postal is null
                ? Invalid(postalErrors)!
                : TypedResults.Ok(new { mode = "letters", recipients = postal.Recipients, dropped = postal.Dropped, counts = Counts(postal.Recipients.Count, postal.Dropped) });
        }

        RecipientExclusions exclusions = RecipientExclusions.Create(body.Exclusions ?? [], out IReadOnlyDictionary<int, string> badExclusions);
        if (badExclusions.Count > 0)
        {
            return Problems.Invalid(badExclusions.ToDictionary(e => $"exclusions[{e.Key}]", e => new[] { e.Value }));
        }

        (EmailResolution? email, Dictionary<string, List<string>> errors) =
            await resolver.ResolveEmailAsync(body.Contacts, "contacts.", exclusions, await suppressions.ReadKeysAsync(cancellationToken), cancellationToken);
        return email is null
            ? Invalid(errors)!
            : TypedResults.Ok(new { mode = "email", recipients = email.Recipients, dropped = email.Dropped, counts = Counts(email.Recipients.Count, email.Dropped) });
    }

    private static object Counts(int recipients, IReadOnlyList<DroppedLine> dropped) => new
    {
        recipients,
        noAddress = dropped.Count(d => d.Reason == DropReason.NoAddress),
        excluded = dropped.Count(d => d.Reason == DropReason.Excluded),
        suppressed = dropped.Count(d => d.Reason == DropReason.Suppressed),
        duplicate = dropped.Count(d => d.Reason == DropReason.Duplicate),
        invalid = dropped.Count(d => d.Reason == DropReason.Invalid),
    };

    private async Task<IResult?> CheckPersonAsync(Person person, CancellationToken cancellationToken)
    {
        Dictionary<string, List<string>> errors = ContactValidator.Validate(person);
        await storage.EnsureCreatedAsync(cancellationToken);
        if (!errors.ContainsKey("companyId") && person.CompanyId is { } companyId && await store.FindCompanyAsync(companyId, cancellationToken) is null)
        {
            errors["companyId"] = [$"No company '{companyId}'; create it first."];
        }

        return Invalid(errors);
    }

    private static IResult? Invalid(Dictionary<string, List<string>> errors) =>
        errors.Count == 0 ? null : Problems.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    private static IResult Conflict(string detail) => Problems.Status(StatusCodes.Status409Conflict, "Already exists or still in use.", detail);

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..16];
}
