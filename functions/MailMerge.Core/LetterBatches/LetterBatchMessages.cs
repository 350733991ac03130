namespace MailMerge.LetterBatches;

/// <summary>What the letter orchestration needs to know about a batch: its size in chunks. No recipient data.</summary>
/// <param name="ChunkCount">Chunks of letters.</param>
/// <param name="ChunkSize">Letters per chunk.</param>
/// <param name="Combined">One combined document is assembled after the chunks.</param>
/// <param name="Parallelism">Chunks rendered at once.</param>
public sealed record LetterBatchPlan(int ChunkCount, int ChunkSize, bool Combined, int Parallelism);

/// <summary>The orchestration's input: the batch id, the next chunk and the totals so far (after continue-as-new).</summary>
public sealed record LetterBatchCursor(string BatchId, int NextChunk = 0, LetterTotals? Totals = null);

/// <summary>One chunk for <see cref="RenderLetterChunkActivity"/>: lines Chunk * ChunkSize + 1 onwards.</summary>
public sealed record LetterChunk(string BatchId, int Chunk, int ChunkSize);

/// <summary>Letters generated, failed, and generated with empty merge fields.</summary>
public sealed record LetterTotals(int Generated = 0, int Failed = 0, int WithMissingFields = 0)
{
    /// <summary>The sum of two totals.</summary>
    public LetterTotals Add(LetterTotals other) =>
        new(Generated + (other?.Generated ?? 0), Failed + (other?.Failed ?? 0), WithMissingFields + (other?.WithMissingFields ?? 0));
}

/// <summary>A batch's state change, recorded on its row.</summary>
public sealed record LetterBatchTransition(string BatchId, LetterBatchState State, DateTimeOffset At, LetterTotals Totals, string? Reason = null);

/// <summary>The orchestration's custom status: counts only.</summary>
public sealed record LetterBatchProgress(LetterBatchState State, int ChunksDone, int ChunkCount, int Generated, int Failed, bool Assembling);
