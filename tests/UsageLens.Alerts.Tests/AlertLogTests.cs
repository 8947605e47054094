using UsageLens.Core;

namespace UsageLens.Alerts.Tests;

public sealed class AlertLogTests : IDisposable
{
    private const string State = """{"type":"state","rule":"r","subject":"acct-1","time":"2026-12-01T08:00:00+00:00","value":"neutral"}""";
    private const string Later = """{"type":"state","rule":"r","subject":"acct-1","time":"2026-12-02T08:00:00+00:00","value":"at-risk"}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-alert-log-").FullName;

    private string PathOf => Path.Combine(_directory, "log.jsonl");

    [Fact]
    public async Task The_last_state_wins_and_the_count_of_states_is_kept()
    {
        await File.WriteAllTextAsync(PathOf, $"{State}\n{Later}\n");

        var states = await new AlertLog(PathOf).StatesAsync("r", CancellationToken.None);

        Assert.Equal(new AlertSubjectState("at-risk", 2), states["acct-1"]);
        Assert.Empty(await new AlertLog(PathOf).StatesAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task A_torn_last_line_from_a_crash_mid_write_is_skipped()
    {
        await File.WriteAllTextAsync(PathOf, $"{State}\n{Later[..40]}");

        var states = await new AlertLog(PathOf).StatesAsync("r", CancellationToken.None);

        Assert.Equal(new AlertSubjectState("neutral", 1), states["acct-1"]);
    }

    [Fact]
    public async Task The_next_append_cuts_a_torn_last_line_off_so_the_file_stays_readable()
    {
        await File.WriteAllTextAsync(PathOf, $"{State}\n{Later[..40]}");
        var log = new AlertLog(PathOf);

        await log.AppendAsync([new AlertLogLine(AlertLogLine.StateType, "r", "acct-2", DateTimeOffset.UnixEpoch) { Value = "healthy" }], CancellationToken.None);

        var states = await log.StatesAsync("r", CancellationToken.None);
        Assert.Equal([("acct-1", "neutral"), ("acct-2", "healthy")], states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value.Value)));
        Assert.Equal(2, (await File.ReadAllLinesAsync(PathOf)).Length);
    }

    [Fact]
    public async Task An_unreadable_line_inside_the_file_is_an_error_naming_it()
    {
        await File.WriteAllTextAsync(PathOf, $"{State}\nnot json\n{Later}\n");

        var error = await Assert.ThrowsAsync<UsageLensException>(() => new AlertLog(PathOf).StatesAsync("r", CancellationToken.None));

        Assert.StartsWith($"{PathOf} line 2: not an alert log line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_empty_log()
    {
        var log = new AlertLog(Path.Combine(_directory, "none", "log.jsonl"));

        Assert.Empty(await log.DeliveriesAsync(CancellationToken.None));
        Assert.Empty(await log.StatesAsync("r", CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
