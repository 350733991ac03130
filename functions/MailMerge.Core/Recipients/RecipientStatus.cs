namespace MailMerge.Recipients;

/// <summary>Where a recipient row stands.</summary>
public enum RecipientStatus
{
    /// <summary>Waiting for its packet.</summary>
    Pending,

    /// <summary>Accepted by the SMTP server; has a Message-Id and a time.</summary>
    Sent,

    /// <summary>Refused by the SMTP server or not renderable; has the code and text.</summary>
    Failed,

    /// <summary>
    /// The server refused it for now (a transient 4xx reply); tried again in a later retry pass of the campaign,
    /// with backoff, until it is sent or its attempts run out (then Failed).
    /// </summary>
    Deferred,

    /// <summary>
    /// The host stopped while this message was being handed over: the server may or may not have it.
    /// Never re-sent automatically, so nobody gets two copies; listed for a person to decide.
    /// </summary>
    Uncertain,

    /// <summary>The same address (ignoring letter case) appears on an earlier line; sent once, there.</summary>
    Duplicate,

    /// <summary>The address is malformed; not sent.</summary>
    Invalid,

    /// <summary>The address or its domain is on the campaign's exclusions list; not sent.</summary>
    Excluded,

    /// <summary>The address is on the standing suppression list; not sent.</summary>
    Suppressed,

    /// <summary>The campaign was cancelled before this recipient's message went out; not sent.</summary>
    Cancelled,
}
