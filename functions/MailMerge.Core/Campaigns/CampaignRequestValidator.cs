using MailMerge.Sending;

namespace MailMerge.Campaigns;

/// <summary>Checks the fields of a create request that need no storage; collects every problem, not the first.</summary>
public static partial class CampaignRequestValidator
{
    private static readonly System.Buffers.SearchValues<char> UrlBreakers = System.Buffers.SearchValues.Create(" \r\n\t<>\"");

    /// <summary>Field errors (camelCase JSON paths) with reasons; empty when the request's shape is valid.</summary>
    public static Dictionary<string, List<string>> Validate(CreateCampaignRequest request, IReadOnlyDictionary<string, SenderAccount> senders)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(senders);
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string reason)
        {
            if (!errors.TryGetValue(field, out List<string>? list))
            {
                errors[field] = list = [];
            }

            list.Add(reason);
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            Add("name", "A name is required.");
        }
        else if (request.Name.Length > CampaignLimits.MaxNameLength)
        {
            Add("name", $"The name is longer than {CampaignLimits.MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            Add("subject", "A subject is required.");
        }
        else if (request.Subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            Add("subject", "The subject must be one line.");
        }
        else if (request.Subject.Length > CampaignLimits.MaxSubjectTemplateLength)
        {
            Add("subject", $"The subject template is longer than {CampaignLimits.MaxSubjectTemplateLength} characters.");
        }

        bool hasBody = !string.IsNullOrWhiteSpace(request.Body);
        bool hasBodyTemplate = !string.IsNullOrWhiteSpace(request.BodyTemplate);
        if (hasBody == hasBodyTemplate)
        {
            Add(hasBody ? "bodyTemplate" : "body", "Give exactly one of 'body' (inline HTML) or 'bodyTemplate' (the name of an uploaded template).");
        }
        else if (hasBody && request.Body!.Length > CampaignLimits.MaxBodyLength)
        {
            Add("body", $"The body is longer than {CampaignLimits.MaxBodyLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Sender))
        {
            Add("sender", "A sender account name is required.");
        }
        else if (!senders.ContainsKey(request.Sender))
        {
            Add("sender", senders.Count == 0
                ? "No sender accounts are configured on this host."
                : $"No sender account named '{request.Sender}'. Configured: {string.Join(", ", senders.Keys.Order(StringComparer.Ordinal))}.");
        }

        bool hasInline = request.Recipients is { Count: > 0 };
        bool hasList = !string.IsNullOrWhiteSpace(request.RecipientList);
        bool hasContacts = request.Contacts is not null;
        if ((hasInline ? 1 : 0) + (hasList ? 1 : 0) + (hasContacts ? 1 : 0) != 1)
        {
            Add(hasInline ? "recipientList" : hasList ? "contacts" : "recipients",
                "Give exactly one of 'recipients' (a non-empty array), 'recipientList' (the name of an uploaded CSV) or 'contacts' (a selection from the contact store).");
        }
        else if (hasContacts)
        {
            foreach ((string field, List<string> reasons) in Contacts.ContactSelectionRules.Validate(request.Contacts!, "contacts."))
            {
                reasons.ForEach(reason => Add(field, reason));
            }
        }
        else if (hasInline && request.Recipients!.Count > CampaignLimits.MaxRecipients)
        {
            Add("recipients", $"At most {CampaignLimits.MaxRecipients} recipients per campaign.");
        }

        if (request.Recipients is not null)
        {
            for (int i = 0; i < request.Recipients.Count; i++)
            {
                if (request.Recipients[i] is null)
                {
                    Add($"recipients[{i}]", "A recipient cannot be null.");
                }
                else if (request.Recipients[i].Fields is { } fields && Recipients.MergeFieldLimits.Check(fields, out string? tooLong) is { } reason)
                {
                    Add(tooLong is null ? $"recipients[{i}].fields" : $"recipients[{i}].fields.{tooLong}", reason);
                }
            }
        }

        if (request.Exclusions is { Count: > CampaignLimits.MaxExclusions })
        {
            Add("exclusions", $"At most {CampaignLimits.MaxExclusions} exclusions per campaign.");
        }
        else if (request.Exclusions is not null)
        {
            Recipients.RecipientExclusions.Create(request.Exclusions, out IReadOnlyDictionary<int, string> exclusionErrors);
            foreach ((int index, string reason) in exclusionErrors)
            {
                Add($"exclusions[{index}]", reason);
            }
        }

        if (request.Attachments is { Count: > Attachments.AttachmentLimits.MaxPerMessage })
        {
            Add("attachments", $"At most {Attachments.AttachmentLimits.MaxPerMessage} attachments per message.");
        }
        else if (request.Attachments is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < request.Attachments.Count; i++)
            {
                string? attachment = request.Attachments[i];
                if (!Api.ResourceName.IsValid(attachment))
                {
                    Add($"attachments[{i}]", $"Give the name of an uploaded attachment (PUT /api/attachments/{{name}}). {Api.ResourceName.Rule}");
                }
                else if (!seen.Add(attachment!))
                {
                    Add($"attachments[{i}]", $"'{attachment}' is listed twice; a message carries each attachment once.");
                }
            }
        }

        if (request.PacketSize is { } size && (size < 1 || size > CampaignLimits.MaxPacketSize))
        {
            Add("packetSize", $"The packet size must be between 1 and {CampaignLimits.MaxPacketSize}.");
        }

        if (request.IntervalSeconds is { } interval && (double.IsNaN(interval) || interval < 0 || interval > CampaignLimits.MaxIntervalSeconds))
        {
            Add("intervalSeconds", $"The interval must be between 0 and {CampaignLimits.MaxIntervalSeconds} seconds.");
        }

        if (request.UnsubscribeUrl is { } unsubscribe &&
            (!unsubscribe.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || unsubscribe.Length > 2000 ||
             LiquidTags().Replace(unsubscribe, string.Empty).AsSpan().IndexOfAny(UrlBreakers) >= 0))
        {
            Add("unsubscribeUrl", "The unsubscribe URL must be an https:// address (merge fields allowed) without spaces or angle brackets.");
        }

        if (request.ReplyTo is { } replyTo)
        {
            if (replyTo.Mode is not (ReplyToOption.Sender or ReplyToOption.AccountManager or ReplyToOption.GivenAddress))
            {
                Add("replyTo.mode", "Use 'sender', 'accountManager' or 'address'.");
            }
            else if (replyTo.Mode == ReplyToOption.GivenAddress && !Recipients.RecipientAddress.TryParse(replyTo.Address, out _, out string? reason))
            {
                Add("replyTo.address", replyTo.Address is null ? "Give the address replies go to." : reason);
            }
            else if (replyTo.Mode != ReplyToOption.GivenAddress && replyTo.Address is not null)
            {
                Add("replyTo.address", $"An address is only given with mode 'address' (mode '{replyTo.Mode}' takes none).");
            }
        }

        if (request.Archive is { Enabled: not false } archive && ArchiveFolderName.Check(archive.Folder) is { } folderProblem)
        {
            Add("archive.folder", folderProblem);
        }
        else if (request.Archive is { Enabled: false, Folder: { } unused } && ArchiveFolderName.Check(unused) is { } unusedProblem)
        {
            Add("archive.folder", unusedProblem);
        }

        if (request.ErrorLimit is < 0)
        {
            Add("errorLimit", "The error limit must be 0 (never stop) or more.");
        }

        if (request.MaxAttempts is { } attempts && (attempts < 1 || attempts > CampaignLimits.MaxAttempts))
        {
            Add("maxAttempts", $"The attempts per recipient must be between 1 (no retry) and {CampaignLimits.MaxAttempts}.");
        }

        if (request.RetryDelaySeconds is { } delay && (double.IsNaN(delay) || delay < 0 || delay > CampaignLimits.MaxRetryDelaySeconds))
        {
            Add("retryDelaySeconds", $"The retry delay must be between 0 and {CampaignLimits.MaxRetryDelaySeconds} seconds.");
        }

        return errors;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex LiquidTags();
}
