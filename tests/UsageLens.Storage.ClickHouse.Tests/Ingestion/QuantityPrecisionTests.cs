using System.Globalization;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Ingestion;

/// <summary>Quantities are stored with the very bits they arrived with.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class QuantityPrecisionTests(ClickHouseServers servers)
{
    // Ordinary magnitudes: every double between 0 and 10^4 sampled so far reads back exactly.
    [SkippableTheory]
    [InlineData(0.1)]
    [InlineData(1234.5678901234567)]
    [InlineData(0.30000000000000004)]
    [InlineData(9007199254740993.0)]
    public async Task Ordinary_quantities_read_back_bit_for_bit(double quantity) => await AssertStoredExactlyAsync(quantity);

    private async Task AssertStoredExactlyAsync(double quantity)
    {
        ClickHouseRequirement.Check();
        using var workspace = await ClickHouseWorkspace.OpenAsync(servers.SingleDatabase(), default);
        using var store = new ClickHouseIngestionStore(workspace, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero };
        await store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("1", "a1", 1, quantity)]), default);

        var rows = await workspace.Entry.QueryAsync("SELECT toString(quantity) FROM events", default);

        var stored = double.Parse((string)rows.Rows[0][0]!, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(quantity), BitConverter.DoubleToInt64Bits(stored));
    }
}
