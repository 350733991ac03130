using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace MailMerge.Recipients;

/// <summary>A validated recipient mailbox: the address (as given, letter case kept) and an optional display name.</summary>
public sealed record RecipientAddress(string Address, string? DisplayName)
{
    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>The key that makes two addresses the same recipient: the address in lower case.</summary>
    public string Key => Address.ToLowerInvariant();

    /// <summary>Parses a bare address or a full mailbox (<c>"Kowalski, Jan" &lt;jan@example.test&gt;</c>).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RecipientAddress? address, [NotNullWhen(false)] out string? reason)
    {
        address = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            reason = "The address is empty.";
            return false;
        }

        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            reason = "The address holds a line break.";
            return false;
        }

        if (!InternetAddressList.TryParse(Strict, text, out InternetAddressList? list) || list.Count != 1 || list[0] is not MailboxAddress mailbox)
        {
            reason = "The address is not a valid e-mail address.";
            return false;
        }

        if (!IsPlausible(mailbox.Address, out reason))
        {
            return false;
        }

        string? name = string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name.Trim();
        if (name is not null && Templates.HeaderText.HasControlCharacters(name))
        {
            reason = "The display name holds a line break or control character.";
            return false;
        }

        address = new RecipientAddress(mailbox.Address, name);
        return true;
    }

    private static bool IsPlausible(string address, [NotNullWhen(false)] out string? reason)
    {
        int at = address.LastIndexOf('@');
        if (at <= 0 || at != address.IndexOf('@', StringComparison.Ordinal))
        {
            reason = "The address must have exactly one @ with a local part before it.";
            return false;
        }

        string local = address[..at];
        string domain = address[(at + 1)..];
        if (address.Length > 254 || local.Length > 64)
        {
            reason = "The address is longer than SMTP allows.";
            return false;
        }

        if (domain.Length == 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            reason = "The domain of the address is not valid.";
            return false;
        }

        foreach (string label in domain.Split('.'))
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsLetterOrDigit(c) || c == '-'))
            {
                reason = "The domain of the address is not valid.";
                return false;
            }
        }

        reason = null;
        return true;
    }
}
