using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse;

namespace UsageLens.Cli.Doctor;

/// <summary>
/// Checks the workspace through its engine (<see cref="IWorkspaceEngine.InspectAsync"/>, which changes nothing):
/// it exists, the engine reaches it, its schema is this build's, its tables are all there and it holds data.
/// </summary>
internal static class WorkspaceDoctor
{
    private static readonly string[] s_shownTables = ["events", "accounts", "users", "subscriptions", "nps", "api_keys"];

    public static async Task<IReadOnlyList<DoctorCheck>> CheckAsync(string address, string option, CancellationToken cancellationToken)
    {
        IWorkspaceEngine engine;
        try
        {
            engine = WorkspaceEngines.For(address, option);
        }
        catch (UsageLensException ex)
        {
            return [DoctorCheck.Fail("workspace", ex.Message, "pass --db PATH for a DuckDB file, or --store clickhouse://host:8123/database")];
        }
        if (!engine.Exists(address))
        {
            return [DoctorCheck.Fail("workspace", $"no workspace at '{Path.GetFullPath(address)}'",
                $"create it with 'usagelens demo {option} {address}' or 'usagelens import events FILE {option} {address}', or pass {option} with the workspace you meant")];
        }
        WorkspaceInspection inspection;
        try
        {
            inspection = await engine.InspectAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return [DoctorCheck.Fail("engine", $"{engine.Name} cannot read '{address}': {engine.Explain(ex) ?? ex.Message.Split('\n')[0]}", ConnectionFix(engine))];
        }
        return
        [
            DoctorCheck.Pass("engine", $"{engine.Name} reads {address}"),
            Schema(inspection),
            Tables(inspection),
            Data(inspection),
        ];
    }

    private static string ConnectionFix(IWorkspaceEngine engine) => engine is ClickHouseEngine
        ? "start the ClickHouse server (docker compose up -d clickhouse) or correct --store; 'curl http://HOST:8123/ping' must answer Ok."
        : "the file must be a UsageLens DuckDB workspace that no other process is writing: stop a 'usagelens serve' using it, or pass --db with the right file";

    private static DoctorCheck Schema(WorkspaceInspection inspection) => (inspection.SchemaVersion, inspection.LatestSchemaVersion) switch
    {
        (null, _) or (_, null) => DoctorCheck.Pass("schema", "tables are created where missing (no numbered migrations on this engine)"),
        var (found, latest) when found == latest => DoctorCheck.Pass("schema", $"version {found} of {latest}"),
        var (found, latest) when found < latest => DoctorCheck.Fail("schema", $"version {found}, this UsageLens has {latest}",
            "back the file up, then run any command on it (such as 'usagelens kpi usage'): opening a workspace applies the pending migrations"),
        var (found, latest) => DoctorCheck.Fail("schema", $"version {found} was written by a newer UsageLens (this one has {latest})",
            "upgrade: dotnet tool update --global UsageLens"),
    };

    private static DoctorCheck Tables(WorkspaceInspection inspection) => inspection.MissingTables.Count == 0
        ? DoctorCheck.Pass("tables", $"all {inspection.RowCounts.Count} present")
        : DoctorCheck.Fail("tables", $"missing: {string.Join(", ", inspection.MissingTables)}",
            "this is not a complete UsageLens workspace: pass the workspace you meant, or create one with 'usagelens demo' or 'usagelens import'");

    private static DoctorCheck Data(WorkspaceInspection inspection)
    {
        var counts = string.Join(", ", s_shownTables.Where(inspection.RowCounts.ContainsKey)
            .Select(t => $"{t} {inspection.RowCounts[t].ToString("N0", CultureInfo.InvariantCulture)}"));
        return inspection.RowCounts.GetValueOrDefault("events") + inspection.RowCounts.GetValueOrDefault("accounts") > 0
            ? DoctorCheck.Pass("data", counts)
            : DoctorCheck.Fail("data", $"no events and no accounts ({counts})",
                "import data ('usagelens import accounts FILE', 'usagelens import events FILE') or send events to 'usagelens serve'");
    }
}
