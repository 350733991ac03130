namespace MailMerge.Counters;

/// <summary>A block of consecutive counter values given to one holder: <see cref="First"/> to First + Count - 1.</summary>
/// <param name="First">The first value of the block.</param>
/// <param name="Count">How many values the block holds.</param>
public sealed record CounterReservation(long First, int Count);
