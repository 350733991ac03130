namespace MailMerge.LetterBatches;

/// <summary>Where a letter batch is.</summary>
public enum LetterBatchState
{
    /// <summary>Numbers are reserved and letters rendered.</summary>
    Generating,

    /// <summary>Every letter is generated (some may have failed alone; see the counts).</summary>
    Completed,

    /// <summary>Generation stopped on an error; see the reason.</summary>
    Failed,
}
