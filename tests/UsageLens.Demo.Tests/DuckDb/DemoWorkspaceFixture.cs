using System.Globalization;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Demo.Tests.DuckDb;

/// <summary>One small demo workspace (60 accounts × 60 days) shared by the read-only story checks.</summary>
public sealed class DemoWorkspaceFixture : IDisposable
{
    public static readonly DemoOptions Options = new(new DateOnly(2026, 11, 15), Accounts: 60, Days: 60, Seed: 7);

    public DemoWorkspaceFixture()
    {
        Scenario = DemoScenario.Build(Options);
        Workspace = DuckDbWorkspace.Open(":memory:");
        Written = new DemoWriter(Workspace).Write(Scenario);
    }

    public DemoScenario Scenario { get; }

    internal DuckDbWorkspace Workspace { get; }

    public long Written { get; }

    internal object? Scalar(string sql, params object?[] parameters)
    {
        using var connection = Workspace.OpenConnection();
        return DuckDbCommands.Scalar(connection, sql, parameters);
    }

    internal long Count(string sql, params object?[] parameters) =>
        Convert.ToInt64(Scalar(sql, parameters), CultureInfo.InvariantCulture);

    internal List<object?[]> Rows(string sql)
    {
        using var connection = Workspace.OpenConnection();
        return DuckDbCommands.Rows(connection, sql);
    }

    public void Dispose() => Workspace.Dispose();
}
