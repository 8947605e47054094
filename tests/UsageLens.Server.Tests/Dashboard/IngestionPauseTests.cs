using UsageLens.Server.Dashboard;

namespace UsageLens.Server.Tests.Dashboard;

public sealed class IngestionPauseTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_quiet = TimeSpan.FromSeconds(2);

    [Fact]
    public void A_pause_counts_from_the_last_commit()
    {
        var pause = new IngestionPause(s_quiet, generation: 7, s_start);

        bool[] seen =
        [
            pause.LongEnough(8, writing: false, s_start.AddSeconds(1)), // a commit at 1 s
            pause.LongEnough(8, writing: false, s_start.AddSeconds(2.5)),
            pause.LongEnough(8, writing: false, s_start.AddSeconds(3)),
        ];

        Assert.Equal([false, false, true], seen);
    }

    [Fact]
    public void Writes_in_flight_without_a_commit_are_no_pause()
    {
        var pause = new IngestionPause(s_quiet, generation: 7, s_start);

        // A merge or a compaction holds the writer for 5 s: no commit, but writes keep arriving unmerged.
        bool[] seen =
        [
            pause.LongEnough(7, writing: true, s_start.AddSeconds(1)),
            pause.LongEnough(7, writing: true, s_start.AddSeconds(3)),
            pause.LongEnough(7, writing: true, s_start.AddSeconds(5)),
            pause.LongEnough(8, writing: false, s_start.AddSeconds(6)), // its commit
            pause.LongEnough(8, writing: false, s_start.AddSeconds(7)),
            pause.LongEnough(8, writing: false, s_start.AddSeconds(8)),
        ];

        Assert.Equal([false, false, false, false, false, true], seen);
    }
}
