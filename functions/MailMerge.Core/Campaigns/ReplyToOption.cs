namespace MailMerge.Campaigns;

/// <summary>
/// Where replies go: <c>sender</c> (the sender account's address), <c>accountManager</c> (the recipient's account
/// manager, from the merge fields <see cref="ManagerEmailField"/> and <see cref="ManagerNameField"/>) or
/// <c>address</c> (the given <see cref="Address"/>).
/// </summary>
/// <param name="Mode">sender, accountManager or address.</param>
/// <param name="Address">The address for mode <c>address</c>.</param>
public sealed record ReplyToOption(string? Mode, string? Address = null)
{
    /// <summary>The merge field holding the account manager's address.</summary>
    public const string ManagerEmailField = "account_manager_email";

    /// <summary>The merge field holding the account manager's name (optional).</summary>
    public const string ManagerNameField = "account_manager_name";

    /// <summary>Replies go to the sender account's address.</summary>
    public const string Sender = "sender";

    /// <summary>Replies go to each recipient's account manager.</summary>
    public const string AccountManager = "accountManager";

    /// <summary>Replies go to a given address.</summary>
    public const string GivenAddress = "address";
}
