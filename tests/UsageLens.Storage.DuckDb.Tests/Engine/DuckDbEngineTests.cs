using DuckDB.NET.Data;
using UsageLens.Core.Keys;
using UsageLens.Core.Storage;

namespace UsageLens.Storage.DuckDb.Tests.Engine;

public sealed class DuckDbEngineTests
{
    private readonly DuckDbEngine _engine = new();

    [Theory]
    [InlineData("usagelens.duckdb", true)]
    [InlineData("/var/lib/usagelens/w.duckdb", true)]
    [InlineData("duckdb:w.duckdb", true)]
    [InlineData(":memory:", true)]
    [InlineData("clickhouse://localhost:8123/usagelens", false)]
    [InlineData("postgres://localhost/usagelens", false)]
    public void Accepts_file_paths_and_the_duckdb_prefix_but_no_other_scheme(string address, bool accepted) =>
        Assert.Equal(accepted, _engine.Accepts(address));

    [Fact]
    public void Explains_a_refused_statement_by_the_first_line_of_DuckDBs_message()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        using var connection = workspace.OpenConnection();
        var refused = Assert.Throws<DuckDBException>(() => DuckDbCommands.Execute(connection, "INSERT INTO meters (event, unit) VALUES ('a', NULL)"));

        var message = _engine.Explain(refused);

        Assert.Equal("the workspace refused the operation: " + refused.Message.Split('\n')[0], message);
        Assert.DoesNotContain('\n', message!);
    }

    [Fact]
    public void Leaves_errors_of_other_engines_and_of_the_application_unexplained() =>
        Assert.Null(_engine.Explain(new InvalidOperationException("not a DuckDB error")));

    [Fact]
    public async Task Copying_into_DuckDB_is_not_supported()
    {
        using var workspace = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);

        Assert.False(_engine.TakesCopies);
        await Assert.ThrowsAsync<NotSupportedException>(() => _engine.CopyAsync(workspace.Queries, workspace, CopyMode.Migration, null, default));
    }

    [Fact]
    public void A_DuckDB_target_is_written_directly_with_nothing_to_copy()
    {
        using var target = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);

        using var staging = DuckDbStaging.For(target);

        Assert.Same(target.Workspace, staging.Workspace);
        Assert.Null(staging.Copy);
    }

    [Fact]
    public async Task Another_engines_target_gets_a_scratch_workspace_whose_rows_are_the_copy()
    {
        using var target = new OtherEngineStore();
        using var staging = DuckDbStaging.For(target);
        using (var connection = staging.Workspace.OpenConnection())
        {
            DuckDbCommands.Execute(connection, "INSERT INTO meters (event, unit) VALUES ('api_call', 'count')");
        }

        var catalog = await staging.Copy!.GetCatalogAsync(default);

        Assert.Equal(":memory:", staging.Workspace.Path);
        Assert.Equal("count", catalog.MeterUnits["api_call"]);
    }

    /// <summary>A workspace of an engine other than DuckDB; staging never touches it.</summary>
    private sealed class OtherEngineStore : IWorkspaceStore
    {
        public string Location => "other://workspace";

        public IQueryStore Queries => throw new NotSupportedException();

        public IIngestionStore Ingestion => throw new NotSupportedException();

        public IApiKeyStore Keys => throw new NotSupportedException();

        public Core.Users.IUserStore Users => throw new NotSupportedException();

        public Core.Erasure.IErasureStore Erasures => throw new NotSupportedException();

        public Core.Reports.IReportRunStore ReportRuns => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
