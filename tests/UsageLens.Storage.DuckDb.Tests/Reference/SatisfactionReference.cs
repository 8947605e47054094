namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>NPS written out plainly: % promoters (9–10) − % detractors (0–6) over the answers in the period, with the 95% margin of error.</summary>
internal static class SatisfactionReference
{
    public static ExpectedKpi Nps(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var scores = w.Answers.Where(a => period.Contains(a.At) && keep(a.Account)).Select(a => a.Score).ToList();
        var n = scores.Count;
        var promoters = scores.Count(s => s >= 9);
        var passives = scores.Count(s => s is 7 or 8);
        var detractors = scores.Count(s => s <= 6);
        if (n == 0)
        {
            return new ExpectedKpi(null, ("n", 0), ("promoters", 0), ("passives", 0), ("detractors", 0), ("margin_of_error", null));
        }
        double plus = promoters / (double)n, minus = detractors / (double)n;
        var margin = 1.96 * Math.Sqrt(((plus + minus) - ((plus - minus) * (plus - minus))) / n) * 100;
        return new ExpectedKpi((plus - minus) * 100, ("n", n), ("promoters", promoters), ("passives", passives), ("detractors", detractors), ("margin_of_error", margin));
    }
}
