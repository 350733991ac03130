using Azure.Data.Tables;
using MailMerge.Counters;
using MailMerge.IntegrationTests.Infrastructure;
using MailMerge.Storage;

namespace MailMerge.IntegrationTests;

/// <summary>The ETag-guarded counter on Azurite, under contention.</summary>
[Collection(LocalHostTests.Name)]
public class CounterTableTests
{
    private static async Task<CounterTable> CounterAsync()
    {
        var tables = new TableServiceClient(await Azurite.EnsureRunningAsync());
        await tables.CreateTableIfNotExistsAsync(StorageNames.CountersTable);
        return new CounterTable(tables);
    }

    [Fact]
    public async Task Concurrent_reservations_are_disjoint_and_together_contiguous_and_a_holder_retrying_gets_its_block_back()
    {
        CounterTable counter = await CounterAsync();
        string key = "test|" + Guid.NewGuid().ToString("N");
        const int holders = 24;

        // Every holder reserves twice at once, as an activity retried while its first attempt is still running would.
        Task<CounterReservation>[] calls = Enumerable.Range(0, holders * 2)
            .Select(i => Task.Run(() => counter.ReserveAsync(key, $"h{i % holders}", 1 + (i % holders % 5), start: 100, max: 10_000)))
            .ToArray();
        CounterReservation[] results = await Task.WhenAll(calls);

        for (int h = 0; h < holders; h++)
        {
            Assert.Equal(results[h], results[h + holders]);
            Assert.Equal(1 + (h % 5), results[h].Count);
        }

        List<long> values = results.Take(holders).SelectMany(r => Enumerable.Range(0, r.Count).Select(i => r.First + i)).Order().ToList();
        int total = Enumerable.Range(0, holders).Sum(h => 1 + (h % 5));
        Assert.Equal(Enumerable.Range(100, total).Select(v => (long)v), values);
        Assert.Equal(100 + total, await counter.PeekAsync(key, 100));
    }

    [Fact]
    public async Task A_start_above_the_next_value_moves_the_counter_forward_and_one_below_never_moves_it_back()
    {
        CounterTable counter = await CounterAsync();
        string key = "test|" + Guid.NewGuid().ToString("N");

        Assert.Equal(new CounterReservation(10, 3), await counter.ReserveAsync(key, "a", 3, start: 10, max: 1000));
        Assert.Equal(new CounterReservation(13, 2), await counter.ReserveAsync(key, "b", 2, start: 1, max: 1000));
        Assert.Equal(new CounterReservation(500, 1), await counter.ReserveAsync(key, "c", 1, start: 500, max: 1000));
        await Assert.ThrowsAsync<CounterExhaustedException>(() => counter.ReserveAsync(key, "d", 600, start: 1, max: 1000));
        Assert.Equal(501, await counter.PeekAsync(key, 1));
    }
}
