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
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
