using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Http;

namespace UsageLens.Storage.ClickHouse.Tests.Engine;

/// <summary>The engine boundary without a server: addresses, error translation, and what it takes a copy into.</summary>
public sealed class ClickHouseEngineTests
{
    private readonly ClickHouseEngine _engine = new();

    [Theory]
    [InlineData("clickhouse://localhost:8123/usagelens", true)]
    [InlineData("CLICKHOUSE://a:8123,b:8123/usagelens?cluster=two", true)]
    [InlineData("usagelens.duckdb", false)]
    [InlineData("duckdb:usagelens.duckdb", false)]
    public void Accepts_only_the_clickhouse_scheme(string address, bool accepted) =>
        Assert.Equal(accepted, _engine.Accepts(address));

    [Fact]
    public void Explains_server_errors_and_an_unreachable_server_by_their_message()
    {
        Assert.Equal("Code: 60, table missing", _engine.Explain(new ClickHouseException("Code: 60, table missing")));
        Assert.Equal("127.0.0.1:1 is unreachable", _engine.Explain(new ClickHouseUnavailableException("127.0.0.1:1 is unreachable")));
        Assert.Null(_engine.Explain(new UsageLensException("an application error")));
    }

    [Fact]
    public async Task Opening_an_address_that_is_not_clickhouse_is_refused_with_the_expected_form()
    {
        var error = await Assert.ThrowsAsync<UsageLensException>(() => _engine.OpenAsync("usagelens.duckdb", TimeProvider.System, default));

        Assert.Contains("clickhouse://host:8123/database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_into_a_workspace_of_another_engine_is_refused()
    {
        using var duck = new UsageLens.Storage.DuckDb.DuckDbWorkspaceStore(UsageLens.Storage.DuckDb.DuckDbWorkspace.Open(":memory:"), TimeProvider.System);

        Assert.True(_engine.TakesCopies);
        await Assert.ThrowsAsync<ArgumentException>(() => _engine.CopyAsync(duck.Queries, duck, CopyMode.Migration, null, default));
    }
}
