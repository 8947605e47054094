using System.Text.Json;
using UsageLens.Reliability;

// usagelens-reliability crash|import-crash|soak [--engine duckdb|clickhouse] [--kills N] [--minutes M]
//   [--senders N] [--max-uptime-ms MS] [--rows N] [--seed S] [--cli PATH]. Prints figures and a JSON line; exits 1 when a check fails.
var options = Arguments.Parse(args);
var command = args.Length > 0 ? args[0] : "";
var seed = options.Int("seed", 1);
var cli = options.Text("cli");
switch (command)
{
    case "crash":
    {
        var engine = options.Text("engine") ?? "duckdb";
        var run = new CrashRun(new CrashOptions(engine, options.Int("kills", 200), TimeSpan.FromMinutes(options.Double("minutes", 15)), options.Int("senders", 6), seed, cli)
        {
            MaxUptime = TimeSpan.FromMilliseconds(options.Int("max-uptime-ms", 2500)),
        }, Console.Out);
        var (verdict, kills, elapsed) = await run.RunAsync();
        Console.WriteLine($"crash {engine}: {kills} kills in {elapsed.TotalSeconds:0} s; {verdict.AcknowledgedBatches} of {verdict.Batches} batches acknowledged ({verdict.AcknowledgedEvents} events); "
            + $"lost {verdict.Lost}, duplicated {verdict.Duplicated}, half-written batches {verdict.HalfWritten}, stray {verdict.Stray}, rollup disagreements {verdict.RollupDisagreements.Count}");
        foreach (var line in verdict.RollupDisagreements.Take(10))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine(JsonSerializer.Serialize(new { command, engine, kills, seconds = Math.Round(elapsed.TotalSeconds), verdict }));
        return verdict.Passed && kills >= options.Int("kills", 200) ? 0 : 1;
    }
    case "import-crash":
    {
        var engine = options.Text("engine") ?? "duckdb";
        var run = new ImportCrashRun(engine, options.Int("kills", 200), TimeSpan.FromMinutes(options.Double("minutes", 15)), options.Int("rows", 20_000), seed, cli, Console.Out);
        var (verdict, elapsed) = await run.RunAsync();
        Console.WriteLine($"import-crash {engine}: {verdict.Killed} of {verdict.Imports} imports killed in {elapsed.TotalSeconds:0} s; files whole {verdict.StoredWhole}, none {verdict.StoredNone}, "
            + $"partial {verdict.Partial} (before recovery {verdict.PartialBeforeRecovery}), finished but missing {verdict.FinishedButMissing}, duplicated {verdict.Duplicated}, rollup disagreements {verdict.RollupDisagreements.Count}");
        Console.WriteLine(JsonSerializer.Serialize(new { command, engine, seconds = Math.Round(elapsed.TotalSeconds), verdict }));
        return verdict.Passed && verdict.Killed >= options.Int("kills", 200) ? 0 : 1;
    }
    case "soak":
    {
        var report = await new SoakRun(TimeSpan.FromMinutes(options.Double("minutes", 10)), seed, cli, Console.Out).RunAsync();
        Console.WriteLine(report);
        return report.Passed ? 0 : 1;
    }
    default:
        Console.Error.WriteLine("usage: UsageLens.Reliability crash|import-crash|soak [--engine duckdb|clickhouse] [--kills N] [--minutes M] [--senders N] [--max-uptime-ms MS] [--rows N] [--seed S] [--cli PATH]");
        return 2;
}
