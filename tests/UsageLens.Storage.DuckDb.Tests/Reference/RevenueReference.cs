namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// The revenue KPIs written out plainly from kpis.md (ChartMogul conventions): an account's MRR at
/// an instant is the mrr of its latest subscription row effective strictly before it, 0 without one.
/// </summary>
internal static class RevenueReference
{
    public static readonly string[] Kpis = ["mrr", "arr", "mrr-movements", "logo-churn", "revenue-churn", "nrr", "grr", "arpa", "quick-ratio", "cltv"];

    public static double MrrAt(SampleWorkspace w, string account, DateTime instant) =>
        w.Subscriptions.Where(s => s.Account == account && s.EffectiveAt < instant).OrderBy(s => s.EffectiveAt).LastOrDefault()?.Mrr ?? 0;

    /// <summary>The KPI over the accounts that <paramref name="keep"/> keeps; <paramref name="option"/> is the variant (revenue-churn) or the gross margin (cltv).</summary>
    public static ExpectedKpi For(string kpi, SampleWorkspace w, Window period, Func<string?, bool> keep, string? option = null)
    {
        var accounts = w.Subscriptions.Select(s => s.Account).Distinct().Where(a => keep(a)).ToList();
        var from = accounts.ToDictionary(a => a, a => MrrAt(w, a, period.From));
        var to = accounts.ToDictionary(a => a, a => MrrAt(w, a, period.To));
        var m = Movements(w, accounts, from, to, period.From);
        var cohort = accounts.Where(a => from[a] > 0).ToList();
        return kpi switch
        {
            "mrr" => Recurring(to, 1),
            "arr" => Recurring(to, 12),
            "mrr-movements" => new ExpectedKpi(
                m.New + m.Reactivation + m.Expansion - m.Contraction - m.Churn,
                ("new", m.New), ("reactivation", m.Reactivation), ("expansion", m.Expansion), ("contraction", m.Contraction), ("churn", m.Churn),
                ("mrr_from", from.Values.Sum()), ("mrr_to", to.Values.Sum())),
            "logo-churn" => LogoChurn(from, to),
            "revenue-churn" => new ExpectedKpi(
                Percent(m.Churn + m.Contraction - (option == "net" ? m.Expansion + m.Reactivation : 0), from.Values.Sum()),
                ("churn", m.Churn), ("contraction", m.Contraction), ("expansion", m.Expansion), ("reactivation", m.Reactivation), ("mrr_from", from.Values.Sum())),
            "nrr" => new ExpectedKpi(
                Percent(cohort.Sum(a => to[a]), cohort.Sum(a => from[a])),
                ("cohort_mrr_to", cohort.Sum(a => to[a])), ("cohort_mrr_from", cohort.Sum(a => from[a])), ("cohort_accounts", cohort.Count)),
            "grr" => new ExpectedKpi(
                Percent(cohort.Sum(a => Math.Min(to[a], from[a])), cohort.Sum(a => from[a])),
                ("retained_mrr", cohort.Sum(a => Math.Min(to[a], from[a]))), ("cohort_mrr_from", cohort.Sum(a => from[a])), ("cohort_accounts", cohort.Count)),
            "arpa" => Arpa(to),
            "quick-ratio" => new ExpectedKpi(
                m.Contraction + m.Churn == 0 ? null : (m.New + m.Expansion + m.Reactivation) / (m.Contraction + m.Churn),
                ("new", m.New), ("expansion", m.Expansion), ("reactivation", m.Reactivation), ("contraction", m.Contraction), ("churn", m.Churn)),
            "cltv" => Cltv(w, accounts, period, option is null ? 100 : int.Parse(option, System.Globalization.CultureInfo.InvariantCulture), Arpa(to).Value),
            _ => throw new ArgumentException($"not a revenue KPI: {kpi}", nameof(kpi)),
        };
    }

    private static ExpectedKpi Recurring(Dictionary<string, double> mrr, int months) =>
        new(months * mrr.Values.Sum(), ("mrr", mrr.Values.Sum()), ("paying_accounts", mrr.Values.Count(v => v > 0)));

    private static ExpectedKpi Arpa(Dictionary<string, double> mrr)
    {
        var paying = mrr.Values.Count(v => v > 0);
        return new ExpectedKpi(paying == 0 ? null : mrr.Values.Sum() / paying, ("mrr", mrr.Values.Sum()), ("paying_accounts", paying));
    }

    private static ExpectedKpi LogoChurn(Dictionary<string, double> from, Dictionary<string, double> to)
    {
        var paying = from.Keys.Where(a => from[a] > 0).ToList();
        var churned = paying.Count(a => to[a] == 0);
        return new ExpectedKpi(Percent(churned, paying.Count), ("churned_accounts", churned), ("accounts_from", paying.Count));
    }

    // ARPA ÷ mean monthly logo churn of the 6 full calendar months before `to` (months nobody paid at the start of are left out).
    private static ExpectedKpi Cltv(SampleWorkspace w, List<string> accounts, Window period, int margin, double? arpa)
    {
        var lastFullMonthEnd = new DateTime(period.To.Year, period.To.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var rates = new List<double>();
        for (var month = lastFullMonthEnd.AddMonths(-6); month < lastFullMonthEnd; month = month.AddMonths(1))
        {
            var from = accounts.ToDictionary(a => a, a => MrrAt(w, a, month));
            var to = accounts.ToDictionary(a => a, a => MrrAt(w, a, month.AddMonths(1)));
            if (LogoChurn(from, to).Value is { } rate)
            {
                rates.Add(rate);
            }
        }
        double? mean = rates.Count == 0 ? null : rates.Average();
        double? value = arpa is { } a && mean is > 0 ? a / (mean.Value / 100) * margin / 100 : null;
        return new ExpectedKpi(value, ("arpa", arpa), ("monthly_churn_rate", mean), ("gross_margin", margin));
    }

    private static (double New, double Reactivation, double Expansion, double Contraction, double Churn) Movements(
        SampleWorkspace w, List<string> accounts, Dictionary<string, double> from, Dictionary<string, double> to, DateTime start)
    {
        double fresh = 0, reactivation = 0, expansion = 0, contraction = 0, churn = 0;
        foreach (var a in accounts)
        {
            var paidBefore = w.Subscriptions.Any(s => s.Account == a && s.Mrr > 0 && s.EffectiveAt < start);
            if (from[a] == 0 && to[a] > 0 && paidBefore)
            {
                reactivation += to[a];
            }
            else if (from[a] == 0 && to[a] > 0)
            {
                fresh += to[a];
            }
            else if (from[a] > 0 && to[a] == 0)
            {
                churn += from[a];
            }
            else if (to[a] > from[a])
            {
                expansion += to[a] - from[a];
            }
            else
            {
                contraction += from[a] - to[a];
            }
        }
        return (fresh, reactivation, expansion, contraction, churn);
    }

    private static double? Percent(double numerator, double denominator) => denominator == 0 ? null : numerator / denominator * 100;
}
