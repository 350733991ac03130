using MailMerge.Campaigns;

namespace MailMerge.Tests.Campaigns;

public class PacketPlanTests
{
    [Theory]
    [InlineData(0, 5, 0)]
    [InlineData(1, 5, 1)]
    [InlineData(17, 5, 4)]
    [InlineData(20, 5, 4)]
    [InlineData(10_000, 500, 20)]
    public void Count_rounds_up(int recipients, int size, int expected) => Assert.Equal(expected, PacketPlan.Count(recipients, size));

    [Fact]
    public void Range_covers_every_index_exactly_once()
    {
        var covered = Enumerable.Range(0, PacketPlan.Count(17, 5))
            .SelectMany(p => { (int from, int to) = PacketPlan.Range(p, 5); return Enumerable.Range(from, Math.Min(to, 17) - from); })
            .ToList();
        Assert.Equal(Enumerable.Range(0, 17), covered);
    }

    [Theory]
    [InlineData(2.0, 0, 4, 10, 1)]
    [InlineData(0.0, 3, 4, 10, 1)]
    [InlineData(0.0, 0, 4, 10, 4)]
    [InlineData(0.0, 0, 4, 3, 3)]
    [InlineData(0.0, 0, 0, 3, 1)]
    public void Parallel_is_one_when_packets_are_spaced_or_an_error_limit_applies(double interval, int errorLimit, int max, int left, int expected) =>
        Assert.Equal(expected, PacketPlan.Parallel(interval, errorLimit, max, left));

    [Fact]
    public void Count_refuses_a_zero_packet_size() => Assert.Throws<ArgumentOutOfRangeException>(() => PacketPlan.Count(3, 0));
}
