namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Seat utilisation: active users against licensed seats, overall and per account. Pure.</summary>
internal static class SeatUtilization
{
    public const double Green = 80;
    public const double Amber = 60;

    /// <summary>green at ≥ 80%, amber from 60% up to 80%, red below 60%.</summary>
    public static string Band(double percent) => percent >= Green ? "green" : percent >= Amber ? "amber" : "red";

    /// <summary>
    /// One row per account with seats (active users ÷ licensed seats × 100) and the overall value
    /// Σ active users ÷ Σ seats × 100 over those accounts. Accounts without a positive seat count are only counted.
    /// </summary>
    public static (KpiOutcome Overall, IReadOnlyList<KpiRow> Rows) Compute(
        IReadOnlyList<(string Account, double? Seats)> accounts,
        IReadOnlyDictionary<string, int> activeUsers)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(activeUsers);
        var seated = accounts.Where(a => a.Seats > 0).OrderBy(a => a.Account, StringComparer.Ordinal).ToList();
        var rows = seated.Select(a =>
        {
            var active = activeUsers.GetValueOrDefault(a.Account);
            var percent = active * 100d / a.Seats!.Value;
            return new KpiRow(
                [new("account_id", a.Account), new("band", Band(percent))],
                percent,
                [new KpiPart("active_users", active), new KpiPart("licensed_seats", a.Seats)]);
        }).ToList();
        var totalActive = seated.Sum(a => activeUsers.GetValueOrDefault(a.Account));
        var totalSeats = seated.Sum(a => a.Seats!.Value);
        var bands = rows.GroupBy(r => r.Keys[1].Value!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var overall = new KpiOutcome(
            totalSeats == 0 ? null : totalActive * 100d / totalSeats,
            [
                new KpiPart("active_users", totalActive),
                new KpiPart("licensed_seats", totalSeats),
                new KpiPart("accounts_without_seats", accounts.Count - seated.Count),
                new KpiPart("green", bands.GetValueOrDefault("green")),
                new KpiPart("amber", bands.GetValueOrDefault("amber")),
                new KpiPart("red", bands.GetValueOrDefault("red")),
            ]);
        return (overall, rows);
    }
}
