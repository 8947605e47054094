using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Storage.DuckDb.Tests.Ingestion;

/// <summary>A workspace written before the monthly activity rollup gets it, from its user-day rollup, when next opened.</summary>
public sealed class UserMonthsMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-months-").FullName;

    private string Path => System.IO.Path.Combine(_directory, "usagelens.duckdb");

    [Fact]
    public async Task A_workspace_from_before_the_monthly_activity_gets_it_filled_from_its_user_days_on_open()
    {
        var at = new DateTime(2026, 9, 29, 22, 0, 0, DateTimeKind.Utc);
        using (var workspace = DuckDbWorkspace.Open(Path))
        {
            using var store = new DuckDbIngestionStore(workspace);
            // a1 on 29 and 30 September and 1 and 31 October; b1 on 30 September twice; an event with no user.
            await store.WriteAsync(IngestBatch.OfEvents([
                Event("1", "a1", at), Event("2", "a1", at.AddDays(1)), Event("3", "a1", at.AddDays(2)), Event("4", "a1", at.AddDays(32)),
                Event("5", "b1", at.AddDays(1)), Event("6", "b1", at.AddDays(1).AddMinutes(30)), Event("7", null, at)]), default);
            using var connection = workspace.OpenConnection();
            DuckDbCommands.Execute(connection, "DROP TABLE rollup_user_months; DELETE FROM schema_version WHERE version = 8");
        }

        using var reopened = DuckDbWorkspace.Open(Path);
        using var check = reopened.OpenConnection();

        Assert.Equal(8, Convert.ToInt32(DuckDbCommands.Scalar(check, "SELECT max(version) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture));
        var rolled = DuckDbCommands.Rows(check, UserMonthRows.Rolled).Select(r => $"{r[0]:yyyy-MM-dd} {r[2]} {r[4]}").ToList();
        // Bits: September's 29th and 30th are 2^28 + 2^29; October's 1st and 31st are 2^0 + 2^30.
        Assert.Equal(["2026-09-01 a1 805306368", "2026-09-01 b1 536870912", "2026-10-01 a1 1073741825"], rolled);
        Assert.Equal(Rows(check, UserMonthRows.FromEvents), Rows(check, UserMonthRows.Rolled));
    }

    private static UsageEvent Event(string id, string? user, DateTime at) =>
        new(id, "", at, "acct", user, "login", 1, "count", null, null, null, null);

    private static List<string> Rows(DuckDB.NET.Data.DuckDBConnection connection, string sql) =>
        DuckDbCommands.Rows(connection, sql).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
