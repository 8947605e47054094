using UsageLens.Core;

namespace UsageLens.Storage.DuckDb.Tests;

/// <summary><c>USAGELENS_DUCKDB_MEMORY_LIMIT</c> caps DuckDB's memory for the workspace; a value DuckDB cannot read is refused by name.</summary>
public sealed class WorkspaceMemoryLimitTests
{
    [Fact]
    public void A_limit_applies_to_every_connection_of_the_workspace()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:", "256MB");
        using var connection = workspace.OpenConnection();

        // 256,000,000 bytes ÷ 1,048,576 = 244.1 MiB, as DuckDB shows it.
        Assert.Equal("244.1 MiB", DuckDbCommands.Scalar(connection, "SELECT current_setting('memory_limit')"));
    }

    [Fact]
    public void A_size_duckdb_cannot_read_is_refused_naming_the_variable()
    {
        var error = Assert.Throws<UsageLensException>(() => DuckDbWorkspace.Open(":memory:", "plenty"));

        Assert.StartsWith("USAGELENS_DUCKDB_MEMORY_LIMIT: 'plenty' is not a memory size", error.Message, StringComparison.Ordinal);
    }
}
