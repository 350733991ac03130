namespace MailMerge.Contacts;

/// <summary>What a contact is: a company or a person.</summary>
public enum ContactKind
{
    /// <summary>A client company.</summary>
    Company,

    /// <summary>A contact person.</summary>
    Person,
}
