namespace MailMerge.Contacts;

/// <summary>Whom a picked company's messages go to; several may be combined.</summary>
[Flags]
public enum CompanyAddressRule
{
    /// <summary>Nobody.</summary>
    None = 0,

    /// <summary>The company's general addresses.</summary>
    General = 1,

    /// <summary>The company's default contact person.</summary>
    DefaultContact = 2,

    /// <summary>The company's other contact persons.</summary>
    OtherContacts = 4,
}
