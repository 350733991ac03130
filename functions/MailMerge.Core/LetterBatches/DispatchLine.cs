namespace MailMerge.LetterBatches;

/// <summary>One line of a dispatch list: what the post office stamps for one letter.</summary>
/// <param name="Line">The recipient's line in the batch.</param>
/// <param name="RegisteredNumber">The S10 number, empty for letters without one.</param>
/// <param name="Recipient">Name on the envelope.</param>
/// <param name="Address">Postal address on one line.</param>
/// <param name="DeliveryMethod">The delivery method as printed.</param>
public sealed record DispatchLine(int Line, string RegisteredNumber, string Recipient, string Address, string DeliveryMethod);
