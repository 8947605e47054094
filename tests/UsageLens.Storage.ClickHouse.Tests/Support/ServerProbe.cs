using UsageLens.Storage.ClickHouse.Http;

namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>Asks one test server for the values of expressions, many per statement so that a property test stays fast.</summary>
internal sealed class ServerProbe : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly ClickHouseNode _node;

    public ServerProbe(ClickHouseServer server) =>
        _node = new ClickHouseNode(_http, new Uri($"http://127.0.0.1:{server.HttpPort}/"), null);

    /// <summary>The values of the expressions, in order, read from one SELECT.</summary>
    public async Task<object?[]> ValuesAsync(IReadOnlyList<string> expressions)
    {
        var select = "SELECT " + string.Join(", ", expressions.Select((e, i) => $"{e} AS v{i}"));
        var rows = await _node.QueryAsync(select, default);
        return rows.Rows.Single();
    }

    /// <summary>The rows of a whole statement.</summary>
    public async Task<IReadOnlyList<object?[]>> RowsAsync(string sql) => (await _node.QueryAsync(sql, default)).Rows;

    public void Dispose() => _http.Dispose();
}
