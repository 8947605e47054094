using CsCheck;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class EngagementPropertyTests
{
    // Events of 6 users on 3 accounts, on days straddling October's edges (day 0 = Oct 1), at any minute.
    private static readonly Gen<(int User, int Day, int Minute)[]> s_events =
        Gen.Select(Gen.Int[0, 5], Gen.Int[-35, 33], Gen.Int[0, 1439]).Array[1, 30];

    private static readonly DateTime s_october = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Active_users_stickiness_and_sessions_on_duckdb_equal_a_plain_in_memory_computation()
    {
        Gen.Select(s_events, Gen.Int[1, 40], Gen.Int[5, 120]).Sample(sample =>
        {
            var (events, window, gap) = sample;
            using var workspace = new SmallWorkspace().Account("acct-0", 1).Account("acct-1", 1).Account("acct-2", 1);
            foreach (var (user, day, minute) in events)
            {
                workspace.Activity($"acct-{user % 3}", $"u{user}", Instant(day, minute).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
            }
            var october = new KpiArguments { ComparePrevious = false };

            var trailing = workspace.KpiAsync("active-users", october with { Options = [$"window={window}"] }).GetAwaiter().GetResult();
            var stickiness = workspace.KpiAsync("stickiness", october).GetAwaiter().GetResult();
            var sessions = workspace.KpiAsync("sessions", october with { Options = [$"gap={gap}"] }).GetAwaiter().GetResult();

            Assert.Equal(UsersBetween(events, 31 - window, 30), trailing.Value);
            var activeInOctober = UsersBetween(events, 0, 30);
            var meanDau = Enumerable.Range(0, 31).Sum(d => UsersBetween(events, d, d)) / 31d;
            Assert.Equal(activeInOctober == 0 ? null : meanDau / activeInOctober * 100, stickiness.Value);
            Assert.Equal(PlainSessions(events, gap), sessions.Value);
        }, iter: 30, threads: 1);
    }

    private static DateTime Instant(int day, int minute) => s_october.AddDays(day).AddMinutes(minute);

    private static int UsersBetween((int User, int Day, int Minute)[] events, int firstDay, int lastDay) =>
        events.Where(e => e.Day >= firstDay && e.Day <= lastDay).Select(e => e.User).Distinct().Count();

    // A session starts at a user's first October event and at every event more than gap minutes after the one before.
    private static double PlainSessions((int User, int Day, int Minute)[] events, int gap) =>
        events.Where(e => e.Day is >= 0 and <= 30).GroupBy(e => e.User).Sum(user =>
        {
            var times = user.Select(e => Instant(e.Day, e.Minute)).Order().ToList();
            return 1 + times.Zip(times.Skip(1)).Count(p => (p.Second - p.First).TotalMinutes > gap);
        });
}
