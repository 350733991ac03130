using MailMerge.Campaigns;
using MailMerge.Recipients;
using MailMerge.Templates;
using MimeKit;

namespace MailMerge.Sending;

/// <summary>
/// The Reply-To of one recipient's message. For <c>accountManager</c>, a recipient without an account manager
/// address gets the sender's address instead (and the field is listed among the recipient's empty fields); a
/// value that is not a valid address fails that recipient alone.
/// </summary>
public static class ReplyToRule
{
    /// <summary>The Reply-To mailbox, or null for no Reply-To header.</summary>
    /// <exception cref="MergeValueException">The account manager's address in the recipient's data is not valid.</exception>
    public static MailboxAddress? Resolve(ReplyToOption? option, SenderAccount sender, IReadOnlyDictionary<string, string> fields, ICollection<string> missing)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(missing);
        switch (option?.Mode)
        {
            case null:
                return null;
            case ReplyToOption.GivenAddress when RecipientAddress.TryParse(option.Address, out RecipientAddress? given, out _):
                return new MailboxAddress(given.DisplayName ?? string.Empty, given.Address);
            case ReplyToOption.AccountManager:
                if (!fields.TryGetValue(ReplyToOption.ManagerEmailField, out string? email) || string.IsNullOrWhiteSpace(email))
                {
                    missing.Add(ReplyToOption.ManagerEmailField);
                    return Sender(sender);
                }

                if (!RecipientAddress.TryParse(email, out RecipientAddress? manager, out string? reason))
                {
                    throw new MergeValueException($"The account manager's address ({ReplyToOption.ManagerEmailField}) cannot be used as Reply-To: {reason}");
                }

                string name = fields.TryGetValue(ReplyToOption.ManagerNameField, out string? given2) && !string.IsNullOrWhiteSpace(given2) ? given2.Trim() : manager.DisplayName ?? string.Empty;
                if (HeaderText.HasControlCharacters(name))
                {
                    throw new MergeValueException($"The account manager's name ({ReplyToOption.ManagerNameField}) holds a line break or control character; headers never carry them.");
                }

                return new MailboxAddress(name, manager.Address);
            default:
                return Sender(sender);
        }
    }

    private static MailboxAddress Sender(SenderAccount sender) => new(sender.FromName ?? string.Empty, sender.FromAddress);
}
