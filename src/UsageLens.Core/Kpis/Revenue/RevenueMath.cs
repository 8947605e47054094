namespace UsageLens.Core.Kpis.Revenue;

/// <summary>
/// The revenue formulas of kpis.md over per-account MRR at the two ends of a period (ChartMogul
/// conventions). An account missing from a map has MRR 0 then; an account pays when its MRR is &gt; 0.
/// </summary>
internal static class RevenueMath
{
    public static double Total(IReadOnlyDictionary<string, double> mrr) => mrr.Values.Where(v => v > 0).Sum();

    public static int Paying(IReadOnlyDictionary<string, double> mrr) => mrr.Values.Count(v => v > 0);

    /// <summary>Recurring revenue over <paramref name="months"/> months (1 for MRR, 12 for ARR) at one instant.</summary>
    public static KpiOutcome Recurring(IReadOnlyDictionary<string, double> mrr, int months)
    {
        var total = Total(mrr);
        return new KpiOutcome(months * total, [new("mrr", total), new("paying_accounts", Paying(mrr))]);
    }

    /// <summary>Classifies each account's change from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static MrrMovements Movements(IReadOnlyDictionary<string, double> from, IReadOnlyDictionary<string, double> to, IReadOnlySet<string> paidBefore)
    {
        double fresh = 0, reactivation = 0, expansion = 0, contraction = 0, churn = 0;
        foreach (var account in from.Keys.Union(to.Keys, StringComparer.Ordinal))
        {
            var before = Paid(from, account);
            var after = Paid(to, account);
            if (before == 0 && after > 0)
            {
                // Paying before from but not at from means the account had churned and came back.
                if (paidBefore.Contains(account))
                {
                    reactivation += after;
                }
                else
                {
                    fresh += after;
                }
            }
            else if (before > 0 && after == 0)
            {
                churn += before;
            }
            else if (after > before)
            {
                expansion += after - before;
            }
            else
            {
                contraction += before - after;
            }
        }
        return new MrrMovements(fresh, reactivation, expansion, contraction, churn, Total(from), Total(to));
    }

    /// <summary>Accounts paying at from and not at to, as a percentage of those paying at from.</summary>
    public static KpiOutcome LogoChurn(IReadOnlyDictionary<string, double> from, IReadOnlyDictionary<string, double> to)
    {
        var cohort = from.Where(a => a.Value > 0).Select(a => a.Key).ToList();
        var churned = cohort.Count(a => Paid(to, a) == 0);
        return new KpiOutcome(Percent(churned, cohort.Count), [new("churned_accounts", churned), new("accounts_from", cohort.Count)]);
    }

    /// <summary>Gross: (churn + contraction) ÷ MRR(from) × 100; net also subtracts expansion and reactivation.</summary>
    public static KpiOutcome RevenueChurn(MrrMovements movements, bool net)
    {
        var lost = movements.Churn + movements.Contraction - (net ? movements.Expansion + movements.Reactivation : 0);
        return new KpiOutcome(Percent(lost, movements.MrrFrom),
        [
            new("churn", movements.Churn), new("contraction", movements.Contraction),
            new("expansion", movements.Expansion), new("reactivation", movements.Reactivation), new("mrr_from", movements.MrrFrom),
        ]);
    }

    /// <summary>The cohort paying at from: its MRR at to ÷ its MRR at from × 100.</summary>
    public static KpiOutcome NetRetention(IReadOnlyDictionary<string, double> from, IReadOnlyDictionary<string, double> to)
    {
        var cohort = from.Where(a => a.Value > 0).ToList();
        var atFrom = cohort.Sum(a => a.Value);
        var atTo = cohort.Sum(a => Paid(to, a.Key));
        return new KpiOutcome(Percent(atTo, atFrom), [new("cohort_mrr_to", atTo), new("cohort_mrr_from", atFrom), new("cohort_accounts", cohort.Count)]);
    }

    /// <summary>The cohort paying at from: Σ min(MRR at to, MRR at from) ÷ its MRR at from × 100, so expansion never counts.</summary>
    public static KpiOutcome GrossRetention(IReadOnlyDictionary<string, double> from, IReadOnlyDictionary<string, double> to)
    {
        var cohort = from.Where(a => a.Value > 0).ToList();
        var atFrom = cohort.Sum(a => a.Value);
        var retained = cohort.Sum(a => Math.Min(Paid(to, a.Key), a.Value));
        return new KpiOutcome(Percent(retained, atFrom), [new("retained_mrr", retained), new("cohort_mrr_from", atFrom), new("cohort_accounts", cohort.Count)]);
    }

    /// <summary>MRR ÷ accounts paying; null when nobody pays.</summary>
    public static KpiOutcome Arpa(IReadOnlyDictionary<string, double> mrr)
    {
        var paying = Paying(mrr);
        var total = Total(mrr);
        return new KpiOutcome(paying == 0 ? null : total / paying, [new("mrr", total), new("paying_accounts", paying)]);
    }

    /// <summary>(new + expansion + reactivation) ÷ (contraction + churn); null when nothing was lost.</summary>
    public static KpiOutcome QuickRatio(MrrMovements movements)
    {
        var gained = movements.New + movements.Expansion + movements.Reactivation;
        var lost = movements.Contraction + movements.Churn;
        return new KpiOutcome(lost == 0 ? null : gained / lost,
        [
            new("new", movements.New), new("expansion", movements.Expansion), new("reactivation", movements.Reactivation),
            new("contraction", movements.Contraction), new("churn", movements.Churn),
        ]);
    }

    /// <summary>
    /// ARPA ÷ the mean monthly logo churn rate (as a fraction) × the gross margin. Months nobody paid
    /// at the start of have no churn rate and are left out of the mean; with no rate at all, or a
    /// mean of 0, the lifetime is undefined and so is the value.
    /// </summary>
    public static KpiOutcome Cltv(double? arpa, IReadOnlyList<double?> monthlyChurnRates, int grossMarginPercent)
    {
        var rates = monthlyChurnRates.Where(r => r is not null).Select(r => r!.Value).ToList();
        double? meanRate = rates.Count == 0 ? null : rates.Average();
        double? value = arpa is { } a && meanRate is { } m && m > 0 ? a / (m / 100) * (grossMarginPercent / 100d) : null;
        return new KpiOutcome(value, [new("arpa", arpa), new("monthly_churn_rate", meanRate), new("gross_margin", grossMarginPercent)]);
    }

    private static double Paid(IReadOnlyDictionary<string, double> mrr, string account) =>
        mrr.TryGetValue(account, out var value) && value > 0 ? value : 0;

    private static double? Percent(double numerator, double denominator) => denominator == 0 ? null : numerator / denominator * 100;
}
