using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace UsageLens.Reliability;

/// <summary>
/// Runs the real <c>usagelens import events FILE</c> on a DuckDB or ClickHouse workspace and kills it with SIGKILL
/// at a random moment of its run, file after file, checking after each kill that the file's rows are
/// all there or none are. On ClickHouse the file is counted twice: right after the kill, and after the next
/// command that opens the workspace (a <c>usagelens kpi</c>), which finishes a fully staged import or drops
/// an abandoned one; the second count is the verdict.
/// </summary>
internal sealed class ImportCrashRun(string engine, int kills, TimeSpan timeLimit, int rowsPerFile, int seed, string? cliPath, TextWriter log)
{
    public async Task<(ImportCrashVerdict Verdict, TimeSpan Elapsed)> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("usagelens-import-crash-").FullName;
        try
        {
            using var workspace = await RunWorkspace.StartAsync(engine, directory, "imports");
            return await KillImportsAsync(UsageLensBinary.Locate(cliPath), directory, workspace.Arguments, workspace.Census);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(ImportCrashVerdict, TimeSpan)> KillImportsAsync(UsageLensBinary cli, string directory, IReadOnlyList<string> workspace, IStoreCensus census)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        // One import run to the end tells how long an import takes, so kills land anywhere in one.
        var duration = await TimeImportAsync(cli, WriteFile(directory, 0, random), workspace);
        int imports = 1, killed = 0, whole = 1, none = 0, partial = 0, missing = 0, partialBefore = 0;
        while (killed < kills && clock.Elapsed < timeLimit)
        {
            var file = WriteFile(directory, imports, random);
            var wasKilled = await ImportKilledAtAsync(cli, file, workspace, duration * random.NextDouble() * 1.1);
            var prefix = string.Create(CultureInfo.InvariantCulture, $"f{imports}-");
            var rows = await census.EventsWithIdPrefixAsync(prefix);
            if (census is ClickHouseCensus)
            {
                partialBefore += rows > 0 && rows != rowsPerFile ? 1 : 0;
                await cli.RunAsync(["kpi", "usage", "--metric", "api_call", .. workspace]);
                rows = await census.EventsWithIdPrefixAsync(prefix);
            }
            killed += wasKilled ? 1 : 0;
            whole += rows == rowsPerFile ? 1 : 0;
            none += rows == 0 ? 1 : 0;
            partial += rows > 0 && rows != rowsPerFile ? 1 : 0;
            missing += !wasKilled && rows != rowsPerFile ? 1 : 0;
            imports++;
            File.Delete(file);
            if (imports % 25 == 0)
            {
                await log.WriteLineAsync($"{imports} imports, {killed} killed, in {clock.Elapsed.TotalSeconds:0} s");
            }
        }
        var stored = await census.MessageCountsAsync();
        var verdict = new ImportCrashVerdict(imports, killed, whole, none, partial, missing,
            stored.Values.Where(n => n > 1).Sum(n => n - 1), await RollupComparison.DisagreementsAsync(census))
        {
            PartialBeforeRecovery = census is ClickHouseCensus ? partialBefore : partial,
        };
        return (verdict, clock.Elapsed);
    }

    private static async Task<TimeSpan> TimeImportAsync(UsageLensBinary cli, string file, IReadOnlyList<string> workspace)
    {
        var clock = Stopwatch.StartNew();
        await cli.RunAsync(["import", "events", file, .. workspace]);
        return clock.Elapsed;
    }

    private static async Task<bool> ImportKilledAtAsync(UsageLensBinary cli, string file, IReadOnlyList<string> workspace, TimeSpan moment)
    {
        using var process = Process.Start(cli.StartInfo(["import", "events", file, .. workspace])) ?? throw new InvalidOperationException("usagelens import did not start");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(moment)) == exited)
        {
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"usagelens import {file} failed with {process.ExitCode} without being killed");
            }
            return false;
        }
        process.Kill();
        await process.WaitForExitAsync();
        return true;
    }


    private string WriteFile(string directory, int number, Random random)
    {
        var path = Path.Combine(directory, $"events-{number}.csv");
        var text = new StringBuilder("id,timestamp,account_id,user_id,event,quantity\n");
        for (var row = 0; row < rowsPerFile; row++)
        {
            var account = random.Next(1, 13);
            var time = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 10 * 86_400));
            text.Append(CultureInfo.InvariantCulture, $"f{number}-r{row},{time:yyyy-MM-ddTHH:mm:ss}Z,acct-{account},u-{account}-{random.Next(1, 4)},api_call,{random.Next(1, 10)}\n");
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
