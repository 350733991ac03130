namespace MailMerge.Contacts;

/// <summary>Why a line of a resolution gets no message or letter.</summary>
public enum DropReason
{
    /// <summary>The contact has no e-mail address (or, for letters, no complete postal address).</summary>
    NoAddress,

    /// <summary>The address or its domain is on the exclusion list.</summary>
    Excluded,

    /// <summary>The address is on the standing suppression list.</summary>
    Suppressed,

    /// <summary>The same address (ignoring letter case), or for letters the same contact, came earlier.</summary>
    Duplicate,

    /// <summary>The address is not a valid e-mail address.</summary>
    Invalid,
}
