using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MailMerge.Sending;

/// <summary>Stops the host at start when a sender account is incomplete, naming the setting.</summary>
public sealed class SenderOptionsValidator : IValidateOptions<SenderOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach ((string account, SenderAccount settings) in options.Accounts)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
            failures.AddRange(results.Select(r => $"{SenderOptions.Section}:{account}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            if (!string.IsNullOrEmpty(settings.User) && string.IsNullOrEmpty(settings.Password))
            {
                failures.Add($"{SenderOptions.Section}:{account}:Password: a user is set, so a password is required.");
            }

            if (settings.Imap is { } imap)
            {
                var imapResults = new List<ValidationResult>();
                Validator.TryValidateObject(imap, new ValidationContext(imap), imapResults, validateAllProperties: true);
                failures.AddRange(imapResults.Select(r => $"{SenderOptions.Section}:{account}:Imap:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
                if (imap.SentFolder is { } folder && (folder.Trim().Length == 0 || folder.AsSpan().IndexOfAny('\r', '\n') >= 0))
                {
                    failures.Add($"{SenderOptions.Section}:{account}:Imap:SentFolder: give a folder name on one line, or leave it out for the \\Sent folder.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
