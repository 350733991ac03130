namespace MailMerge.Contacts;

/// <summary>What a contact search matches: a word of the name, the start of an e-mail address, or a word of the city.</summary>
public enum ContactSearchField
{
    /// <summary>Words of a company's name, or a person's first and last name.</summary>
    Name,

    /// <summary>E-mail addresses (general addresses of companies, a person's addresses).</summary>
    Email,

    /// <summary>Words of the city in the postal address.</summary>
    City,
}
