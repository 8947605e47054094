namespace UsageLens.Reliability;

/// <summary>Both rollups against the raw events they summarise: every key, both figures.</summary>
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
        return found;
    }
}
