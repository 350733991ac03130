namespace MailMerge.Campaigns;

/// <summary>How a list of recipients divides into packets.</summary>
public static class PacketPlan
{
    /// <summary>Number of packets for <paramref name="recipients"/> rows in packets of <paramref name="packetSize"/>.</summary>
    public static int Count(int recipients, int packetSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recipients);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(packetSize);
        return (int)(((long)recipients + packetSize - 1) / packetSize);
    }

    /// <summary>The send indexes [from, to) of packet <paramref name="packet"/>.</summary>
    public static (int From, int To) Range(int packet, int packetSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(packet);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(packetSize);
        long from = (long)packet * packetSize;
        return ((int)Math.Min(from, int.MaxValue), (int)Math.Min(from + packetSize, int.MaxValue));
    }

    /// <summary>
    /// How many packets may run at once: one when packets are spaced by an interval (the server's limit rules)
    /// or when an error limit must stop the campaign at an exact count; otherwise up to
    /// <paramref name="maxParallel"/>, never more than what is left.
    /// </summary>
    public static int Parallel(double intervalSeconds, int errorLimit, int maxParallel, int packetsLeft) =>
        intervalSeconds > 0 || errorLimit > 0 ? Math.Min(1, packetsLeft) : Math.Clamp(packetsLeft, 0, Math.Max(1, maxParallel));
}
