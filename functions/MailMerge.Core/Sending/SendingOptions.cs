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
    /// killed mid-packet leaves at most about twice this many rows Uncertain per packet that was running; a larger
    /// window means fewer writes.
    /// </summary>
    [Range(1, 1000)]
    public int ClaimWindow { get; set; } = 50;

    /// <summary>Outcome rows gathered before they are written in one Table transaction.</summary>
    [Range(1, 100)]
    public int OutcomeBatch { get; set; } = 100;

    /// <summary>Longest time an outcome waits in memory before it is written.</summary>
    [Range(10, 10_000)]
    public int OutcomeFlushMilliseconds { get; set; } = 200;

    /// <summary>
    /// Runs of a packet before the campaign fails, when a run fails as a whole (the SMTP server unreachable after
    /// its reconnects, storage failing). Runs wait <see cref="PacketRetrySeconds"/>, doubling up to two minutes:
    /// with the defaults a server that is gone for about four minutes fails the campaign, a shorter outage does not.
    /// </summary>
    [Range(1, 20)]
    public int PacketAttempts { get; set; } = 8;

    /// <summary>Wait before a failed packet's second run (doubling for each further run, at most two minutes).</summary>
    [Range(0.1, 600)]
    public double PacketRetrySeconds { get; set; } = 2;

    /// <summary>How often a sending packet re-reads its campaign's row for a pause or cancel (one small read each time).</summary>
    [Range(50, 10_000)]
    public int ControlCheckMilliseconds { get; set; } = 250;
}
