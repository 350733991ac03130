namespace MailMerge.Contacts;

/// <summary>The employee who looks after a company; the reply-to option can address replies to them.</summary>
public sealed record AccountManager(string? Name, string? Email);
