using System.Globalization;
using MailMerge.Api;
using MailMerge.Letters;

namespace MailMerge.LetterBatches;

/// <summary>Checks a letter batch request field by field, before anything is read from storage.</summary>
public static class LetterBatchRequestValidator
{
    /// <summary>Most recipients in one batch.</summary>
    public const int MaxRecipients = 100_000;

    /// <summary>Every problem of the request, by field.</summary>
    public static Dictionary<string, List<string>> Validate(CreateLetterBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string reason)
        {
            if (!errors.TryGetValue(field, out List<string>? list))
            {
                errors[field] = list = [];
            }

            list.Add(reason);
        }

        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            Add("subject", "The subject is required.");
        }
        else if (request.Subject.Length > 500)
        {
            Add("subject", "The subject must be at most 500 characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Template))
        {
            Add("template", "Name an uploaded letter template (PUT /api/letter-templates/{name}).");
        }
        else if (!ResourceName.IsValid(request.Template))
        {
            Add("template", ResourceName.Rule);
        }

        bool knownMethod = DeliveryMethods.TryParse(request.DeliveryMethod, out DeliveryMethod method);
        if (!knownMethod)
        {
            Add("deliveryMethod", $"Use one of: {string.Join(", ", DeliveryMethods.Names)}.");
        }

        if (request.StorageLocation is { Length: > 200 })
        {
            Add("storageLocation", "The storage location must be at most 200 characters.");
        }

        if (request.Output is not null && !IsOutput(request.Output))
        {
            Add("output", "Use 'perRecipient' (one document per recipient, the default) or 'combined' (one document).");
        }

        bool inline = request.Recipients is not null;
        bool list = !string.IsNullOrWhiteSpace(request.RecipientList);
        bool contacts = request.Contacts is not null;
        if ((inline ? 1 : 0) + (list ? 1 : 0) + (contacts ? 1 : 0) != 1)
        {
            Add(contacts ? "contacts" : inline ? "recipientList" : "recipients",
                "Give the recipients in exactly one of 'recipients' (inline), 'recipientList' (an uploaded list) or 'contacts' (a selection from the contact store).");
        }
        else if (inline && request.Recipients!.Count == 0)
        {
            Add("recipients", "The recipient list is empty.");
        }
        else if (inline && request.Recipients!.Count > MaxRecipients)
        {
            Add("recipients", $"At most {MaxRecipients} recipients per batch.");
        }
        else if (inline && request.Recipients!.FindIndex(r => r is null) is var missing and >= 0)
        {
            Add($"recipients[{missing}]", "A recipient must be an object of merge fields.");
        }
        else if (inline && TooLarge(request.Recipients!) is ({ } field, { } reason))
        {
            Add(field, reason);
        }
        else if (list && !ResourceName.IsValid(request.RecipientList))
        {
            Add("recipientList", ResourceName.Rule);
        }

        if (request.RegisteredNumbers is { } numbers)
        {
            if (knownMethod && !method.IsRegistered())
            {
                Add("registeredNumbers", $"Only registered letters get registered-mail numbers; the delivery method is '{method.ToApiName()}'.");
            }

            if (numbers.Counter is not null && !ResourceName.IsValid(numbers.Counter))
            {
                Add("registeredNumbers.counter", ResourceName.Rule);
            }

            if (numbers.Start is < 0 or > RegisteredNumber.MaxSerial)
            {
                Add("registeredNumbers.start", "The start must be a serial number from 0 to 99999999 (the eight digits of the S10 number).");
            }

            if (numbers.ServiceIndicator is not null && !IsTwoLetters(numbers.ServiceIndicator))
            {
                Add("registeredNumbers.serviceIndicator", "The service indicator must be two letters A-Z, e.g. RR.");
            }

            if (numbers.Country is not null && !IsTwoLetters(numbers.Country))
            {
                Add("registeredNumbers.country", "The country code must be two letters A-Z, e.g. PL.");
            }
        }

        if (request.Journal is { } journal)
        {
            if (!ResourceName.IsValid(journal.Name))
            {
                Add("journal.name", "Name the journal: " + ResourceName.Rule);
            }

            if (!DateOnly.TryParseExact(journal.ReceivedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Add("journal.receivedDate", "Give the date of receipt as yyyy-MM-dd, e.g. 2026-12-01.");
            }
        }

        if (request.Culture is not null && TryCulture(request.Culture) is null)
        {
            Add("culture", "Use a culture name such as pl-PL or en-GB.");
        }

        CheckFields(request.NameFields, "nameFields", Add);
        CheckFields(request.AddressFields, "addressFields", Add);
        if (request.Line is < 1)
        {
            Add("line", "The line must be a whole number from 1.");
        }

        return errors;
    }

    /// <summary>Whether the output asks for one combined document.</summary>
    public static bool IsCombined(string? output) => string.Equals(output, "combined", StringComparison.OrdinalIgnoreCase);

    /// <summary>The culture of a valid request.</summary>
    public static CultureInfo CultureOf(string? name) => TryCulture(name ?? "pl-PL") ?? CultureInfo.InvariantCulture;

    private static (string? Field, string? Reason) TooLarge(List<Dictionary<string, string?>> recipients)
    {
        for (int i = 0; i < recipients.Count; i++)
        {
            if (Recipients.MergeFieldLimits.Check(recipients[i], out string? name) is { } reason)
            {
                return (name is null ? $"recipients[{i}].fields" : $"recipients[{i}].fields.{name}", reason);
            }
        }

        return (null, null);
    }

    private static bool IsOutput(string output) => IsCombined(output) || string.Equals(output, "perRecipient", StringComparison.OrdinalIgnoreCase);

    private static bool IsTwoLetters(string code) => code.Length == 2 && code.All(char.IsAsciiLetter);

    private static CultureInfo? TryCulture(string name)
    {
        try
        {
            return name.Length is > 0 and < 20 ? CultureInfo.GetCultureInfo(name, predefinedOnly: true) : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private static void CheckFields(List<string>? fields, string name, Action<string, string> add)
    {
        if (fields is null)
        {
            return;
        }

        if (fields.Count > 20 || fields.Any(f => string.IsNullOrWhiteSpace(f) || f.Length > 100 || f.Contains(',', StringComparison.Ordinal)))
        {
            add(name, "Give at most 20 merge field names, each 1 to 100 characters without commas.");
        }
    }
}
