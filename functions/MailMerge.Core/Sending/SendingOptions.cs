using System.ComponentModel.DataAnnotations;

namespace MailMerge.Sending;

/// <summary>How packets are sent (<c>MailMerge:Sending</c>).</summary>
public sealed class SendingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MailMerge:Sending";

    /// <summary>Packets sent at once when a campaign has no interval (each on its own connection).</summary>
    [Range(1, 32)]
    public int MaxParallelPackets { get; set; } = 4;

    /// <summary>Times a packet reconnects after a dropped connection before it gives up.</summary>
    [Range(0, 20)]
    public int Reconnects { get; set; } = 3;

    /// <summary>
    /// Rows a packet claims ahead of sending, in one write, after storing the outcomes before them. A host
    /// killed mid-packet leaves at most about twice this many rows Uncertain; a larger window means fewer writes.
    /// </summary>
    [Range(1, 1000)]
    public int ClaimWindow { get; set; } = 50;

    /// <summary>Outcome rows gathered before they are written in one Table transaction.</summary>
    [Range(1, 100)]
    public int OutcomeBatch { get; set; } = 100;

    /// <summary>Longest time an outcome waits in memory before it is written.</summary>
    [Range(10, 10_000)]
    public int OutcomeFlushMilliseconds { get; set; } = 200;

    /// <summary>How often a sending packet re-reads its campaign's row for a pause or cancel (one small read each time).</summary>
    [Range(50, 10_000)]
    public int ControlCheckMilliseconds { get; set; } = 250;
}
