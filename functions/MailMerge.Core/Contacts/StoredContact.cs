using Azure;

namespace MailMerge.Contacts;

/// <summary>A contact as stored, with the ETag that guards the next change.</summary>
/// <typeparam name="T">Company or person.</typeparam>
/// <param name="Value">The contact.</param>
/// <param name="ETag">The stored version.</param>
public sealed record StoredContact<T>(T Value, ETag ETag);
