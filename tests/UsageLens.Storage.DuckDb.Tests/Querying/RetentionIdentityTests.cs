using System.Globalization;
using CsCheck;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class RetentionIdentityTests
{
    // User 0-7 on account 0-2, any minute from Jun 1 to Oct 31, 2026.
    private static readonly Gen<(int User, int Account, int Minute)[]> s_events =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2], Gen.Int[0, 152 * 1440]).Array[1, 40];

    [Fact]
    public void Every_cohort_size_equals_the_number_of_users_first_seen_in_its_month()
    {
        s_events.Sample(events =>
        {
            using var workspace = new SmallWorkspace().Account("a0", 1).Account("a1", 1).Account("a2", 1);
            var start = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            foreach (var (user, account, minute) in events)
            {
                workspace.Event($"a{account}", $"u{user}", start.AddMinutes(minute), "api_call", 1);
            }

            var result = workspace.KpiAsync("retention", new KpiArguments { From = "2026-06-01", To = "2026-11-01", ComparePrevious = false }).GetAwaiter().GetResult();

            // First-seen counts straight from the events table, with plain SQL.
            using var connection = workspace.Workspace.OpenConnection();
            var firstSeen = DuckDbCommands.Rows(connection,
                    "SELECT strftime(month, '%Y-%m-%d'), count(*) FROM (SELECT user_id, date_trunc('month', min(timestamp)) AS month FROM events GROUP BY user_id) GROUP BY month")
                .ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
            var cohorts = result.Rows!
                .Where(r => r.Keys.Single(k => k.Key == "interval").Value == "0" && r.Keys.Single(k => k.Key == "cohort").Value != "all")
                .ToDictionary(r => r.Keys.Single(k => k.Key == "cohort").Value!, r => r.Parts.Single(p => p.Name == "members").Value!.Value);
            Assert.Equal(firstSeen.OrderBy(p => p.Key), cohorts.Where(c => c.Value > 0).OrderBy(p => p.Key));
            Assert.Equal(firstSeen.Values.Sum(), result.Parts.Single(p => p.Name == "cohort_members").Value);
        }, iter: 25, threads: 1);
    }
}
