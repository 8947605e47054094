using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Querying;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>An in-memory DuckDB workspace and a ClickHouse one that are written the same batches, to compare what each stores and answers.</summary>
internal sealed class EnginePair : IDisposable
{
    private readonly DuckDbWorkspace _duck;
    private readonly DuckDbIngestionStore _duckWriter;
    private readonly ClickHouseIngestionStore _clickHouseWriter;

    private EnginePair(DuckDbWorkspace duck, ClickHouseWorkspace clickHouse)
    {
        _duck = duck;
        ClickHouse = clickHouse;
        _duckWriter = new DuckDbIngestionStore(duck);
        _clickHouseWriter = new ClickHouseIngestionStore(clickHouse, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero };
        Duck = new DuckDbQueryStore(duck);
        ClickHouseReader = new ClickHouseQueryStore(clickHouse);
    }

    public ClickHouseWorkspace ClickHouse { get; }

    public IQueryStore Duck { get; }

    public IQueryStore ClickHouseReader { get; }

    public static async Task<EnginePair> OpenAsync(ClickHouseAddress address) =>
        new(DuckDbWorkspace.Open(":memory:"), await ClickHouseWorkspace.OpenAsync(address, default));

    public async Task WriteAsync(IngestBatch batch)
    {
        await _duckWriter.WriteAsync(batch, default);
        await _clickHouseWriter.WriteAsync(batch, default);
    }

    /// <summary>The rows each engine returns, DuckDB's first, with booleans as 1 and 0 and integers as long as ClickHouse gives them.</summary>
    public async Task<(List<object?[]> Duck, List<object?[]> ClickHouse)> QueryBothAsync(SqlSelect query) =>
        (Normalise(await Duck.QueryAsync(query, default)), Normalise(await ClickHouseReader.QueryAsync(query, default)));

    private static List<object?[]> Normalise(IReadOnlyList<QueryRow> rows) =>
        [.. rows.Select(r => r.Values.Select(v => v switch
        {
            bool flag => flag ? 1L : 0L,
            int or short or byte or sbyte or uint or ushort => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
            _ => v,
        }).ToArray())];

    public void Dispose()
    {
        _duckWriter.Dispose();
        _clickHouseWriter.Dispose();
        _duck.Dispose();
        ClickHouse.Dispose();
    }
}
