using System.Globalization;
using System.Text.Json;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Tests;

public sealed class ManufacturingDemoTests : IDisposable
{
    // An independent uptime: each state lasts until the machine's next state (SQL window functions,
    // which the product's planner may not use), clipped to the period; time in "running" ÷ all time.
    private const string UptimeSql = """
        SELECT sum(CASE WHEN state = 'running' THEN seconds ELSE 0 END) / sum(seconds) * 100 FROM (
            SELECT state, date_diff('microsecond', greatest(t, $1), least(coalesce(nt, $2), $2)) / 1e6 AS seconds FROM (
                SELECT json_extract_string(properties, '$.state') AS state, timestamp AS t,
                       lead(timestamp) OVER (PARTITION BY account_id, json_extract_string(properties, '$.machine_id') ORDER BY timestamp) AS nt
                FROM events WHERE event = 'machine_state')
            WHERE t < $2 AND coalesce(nt, $2) > $1)
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-factory-").FullName;

    [Fact]
    public async Task The_manufacturing_demo_prints_uptime_volume_material_defect_rate_and_energy_per_unit_as_the_events_give_them()
    {
        var db = Path.Combine(_directory, "factory.duckdb");

        var (exit, output, error) = await CliRun.RunAsync("demo", "--profile", "manufacturing", "--accounts", "50", "--days", "60", "--no-serve", "--db", db, "--format", "json");

        Assert.True(exit == 0, error);
        var printed = output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("kpi").GetString() == "usage")
            .ToDictionary(r => r.GetProperty("metric").GetString()!);
        Assert.Equal(["defect_rate", "energy_per_unit", "material_kg", "material_per_unit", "units_produced", "uptime"], printed.Keys.Order(StringComparer.Ordinal));
        using var workspace = DuckDbWorkspace.Open(db);
        using var connection = workspace.OpenConnection();
        foreach (var previous in new[] { false, true })
        {
            var window = previous ? printed["uptime"].GetProperty("previous") : printed["uptime"];
            var (from, to) = (Instant(window, "from"), Instant(window, "to"));
            double Sum(string meter) => Convert.ToDouble(
                DuckDbCommands.Scalar(connection, "SELECT coalesce(sum(quantity), 0) FROM events WHERE event = $1 AND timestamp >= $2 AND timestamp < $3", meter, from, to),
                CultureInfo.InvariantCulture);
            var expected = new Dictionary<string, double>
            {
                ["uptime"] = Convert.ToDouble(DuckDbCommands.Scalar(connection, UptimeSql, from, to), CultureInfo.InvariantCulture),
                ["units_produced"] = Sum("units_produced"),
                ["material_kg"] = Sum("material_kg"),
                ["defect_rate"] = Sum("defects") / Sum("units_produced") * 100,
                ["energy_per_unit"] = Sum("energy_kwh") / Sum("units_produced"),
                ["material_per_unit"] = Sum("material_kg") / Sum("units_produced"),
            };
            foreach (var (metric, value) in expected)
            {
                var result = previous ? printed[metric].GetProperty("previous") : printed[metric];
                var shown = result.GetProperty("value").GetDouble();
                Assert.Equal((from, to), (Instant(result, "from"), Instant(result, "to")));
                Assert.True(Math.Abs(shown - value) <= 1e-9 * Math.Max(1, Math.Abs(value)), $"{metric} from {from:yyyy-MM-dd}: printed {shown}, the events give {value}");
            }
        }
        // The story has something to show: machines do stop, and some units fail inspection.
        Assert.InRange(printed["uptime"].GetProperty("value").GetDouble(), 50, 99.9);
        Assert.InRange(printed["defect_rate"].GetProperty("value").GetDouble(), 0.1, 20);
    }

    [Fact]
    public async Task The_manufacturing_demo_writes_its_custom_metrics_which_kpi_then_answers_by_week_and_lists()
    {
        var db = Path.Combine(_directory, "factory.duckdb");

        var demo = await CliRun.RunAsync("demo", "--profile", "manufacturing", "--accounts", "20", "--days", "42", "--seed", "7", "--no-serve", "--db", db);
        var weekly = await CliRun.RunAsync("kpi", "usage", "--metric", "uptime", "--period", "last-30-days", "--grain", "week", "--group-by", "segment", "--db", db, "--format", "json");
        var list = await CliRun.RunAsync("kpi", "--list", "--db", db);
        var listJson = await CliRun.RunAsync("kpi", "--list", "--db", db, "--format", "json");
        var refused = await CliRun.RunAsync("kpi", "top-customer-share", "--metric", "defect_rate", "--top", "10%", "--db", db);

        Assert.Equal((0, 0, 0), (demo.Exit, weekly.Exit, list.Exit));
        Assert.Contains("Headline KPIs", demo.Out, StringComparison.Ordinal);
        Assert.Contains("(defect_rate)", demo.Out, StringComparison.Ordinal);
        Assert.Contains("custom metrics (uptime, defect_rate, energy_per_unit, ...)", demo.Out, StringComparison.Ordinal);
        Assert.Contains("defect_rate:", File.ReadAllText(Path.Combine(_directory, "usagelens.yaml")), StringComparison.Ordinal);
        var rows = JsonDocument.Parse(weekly.Out).RootElement.GetProperty("rows");
        Assert.True(rows.GetArrayLength() > 0);
        Assert.Contains("Custom metrics from usagelens.yaml", list.Out, StringComparison.Ordinal);
        var energy = listJson.Out.Split('\n').Where(l => l.Contains("\"custom_metric\"", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("custom_metric").GetString() == "energy_per_unit");
        Assert.Equal(("sum(energy_kwh) / sum(units_produced)", "kWh/unit"), (energy.GetProperty("definition").GetString(), energy.GetProperty("unit").GetString()));
        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("'defect_rate' is a custom metric, which only the usage KPI takes", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_profile_is_bad_input()
    {
        var (exit, _, error) = await CliRun.RunAsync("demo", "--profile", "mining", "--no-serve", "--db", Path.Combine(_directory, "x.duckdb"));

        Assert.NotEqual(0, exit);
        Assert.Contains("--profile: 'mining' must be saas or manufacturing", error, StringComparison.Ordinal);
    }

    private static DateTime Instant(JsonElement element, string name) =>
        DateTime.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
