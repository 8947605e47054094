using UsageLens.Core.Sql;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class QueryCancellationTests
{
    [Fact]
    public async Task Cancelling_interrupts_a_long_running_query_with_OperationCanceledException()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        using (var connection = workspace.OpenConnection())
        {
            // 200,000 events of one account: their self-join on the account has 4·10^10 pairs, minutes of work.
            DuckDbCommands.Execute(connection, """
                INSERT INTO events (source, id, timestamp, account_id, event, quantity, unit)
                SELECT '', 'e' || range, TIMESTAMP '2026-01-01', 'a', 'api_call', range, 'count' FROM range(200000)
                """);
        }
        var pairs = new SqlSelect(
            [new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Sum, new SqlBinary(SqlOperator.Multiply, new SqlColumn("e", "quantity"), new SqlColumn("f", "quantity"))), "product")],
            new SqlTable(WorkspaceTable.Events, "e"),
            Join: new SqlJoin(new SqlTable(WorkspaceTable.Events, "f"), new SqlBinary(SqlOperator.Equal, new SqlColumn("e", "account_id"), new SqlColumn("f", "account_id"))));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var store = new DuckDbQueryStore(workspace);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.QueryAsync(pairs, cancellation.Token));
    }

    [Fact]
    public async Task A_query_store_given_a_cancelled_token_runs_nothing()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        var store = new DuckDbQueryStore(workspace);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetCatalogAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public void The_connection_stays_usable_after_an_interrupted_statement()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        using var connection = workspace.OpenConnection();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            DuckDbCommands.Rows(connection, "SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b", [], cancellation.Token));

        Assert.Equal(6L, Convert.ToInt64(DuckDbCommands.Scalar(connection, "SELECT 1 + 2 + 3"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
