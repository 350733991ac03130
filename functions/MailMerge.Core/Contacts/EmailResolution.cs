using MailMerge.Recipients;

namespace MailMerge.Contacts;

/// <summary>What a selection resolves to for e-mail: the recipients, the lines dropped, and the intake inputs a campaign stores.</summary>
/// <param name="Recipients">Every line that gets a message, in order.</param>
/// <param name="Dropped">Every line that does not, with its reason, in order.</param>
/// <param name="Inputs">The lines handed to the campaign intake (every line with an address).</param>
public sealed record EmailResolution(IReadOnlyList<ResolvedRecipient> Recipients, IReadOnlyList<DroppedLine> Dropped, IReadOnlyList<RecipientInput> Inputs);
