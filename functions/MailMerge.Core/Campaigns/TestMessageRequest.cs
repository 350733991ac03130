namespace MailMerge.Campaigns;

/// <summary>The body of <c>POST /api/campaigns/{id}/test</c>.</summary>
public sealed record TestMessageRequest
{
    /// <summary>Where the test goes: one to <see cref="TestMessageSender.MaxAddresses"/> addresses, any addresses at all.</summary>
    public List<string?>? To { get; init; }

    /// <summary>The list line whose recipient the message is rendered for; default the first recipient who gets a message.</summary>
    public int? Line { get; init; }
}
