namespace UsageLens.Reliability;

/// <summary>The rollups against the raw events they summarise: every key, every figure.</summary>
internal static class RollupComparison
{
    public static async Task<List<string>> DisagreementsAsync(IStoreCensus census)
    {
        var found = new List<string>();
        foreach (var byUser in (bool[])[false, true])
        {
            var raw = await census.RawTotalsAsync(byUser);
            var rollup = await census.RollupTotalsAsync(byUser);
            var name = byUser ? "rollup_user_days" : "rollup_account_days";
            foreach (var key in raw.Keys.Union(rollup.Keys))
            {
                var expected = raw.GetValueOrDefault(key);
                var actual = rollup.GetValueOrDefault(key);
                // Quantities are whole numbers well inside a double's exact range, so sums compare exactly.
                if (expected != actual)
                {
                    found.Add($"{name} {key}: raw {expected.Events} events / {expected.Quantity} quantity, rollup {actual.Events} / {actual.Quantity}");
                }
            }
        }
        var months = await census.MonthlyActivityAsync(rollup: false);
        var rolled = await census.MonthlyActivityAsync(rollup: true);
        foreach (var key in months.Keys.Union(rolled.Keys))
        {
            var expected = months.GetValueOrDefault(key);
            var actual = rolled.GetValueOrDefault(key);
            if (expected != actual)
            {
                found.Add($"rollup_user_months {key}: raw days {expected.Days:X} / first {expected.FirstSecond}, rollup {actual.Days:X} / {actual.FirstSecond}");
            }
        }
        return found;
    }
}
