using System.Globalization;
using UsageLens.Core.Configuration;

namespace UsageLens.Insights.Health;

/// <summary>
/// How each health component is graded 0–100 from the account's signals. Pure; each rule is stated in
/// <see cref="Method"/> and repeated with the account's numbers in each grade's reason.
/// </summary>
internal static class HealthRules
{
    /// <summary>Trends graded 70 when flat, one point per percent of change, 0 at −70% and 100 at +30%.</summary>
    public const double FlatGrade = 70;
    public const double FullBreadthShare = 0.6;
    public const double FullSeatShare = 0.85;
    public const int FreshDays = 7;
    public const int StaleDays = 60;

    public const string Method =
        "usage_trend: the usage of the last 30 days over the 30 before (the mean of the ratios of each meter used before, or the configured usage metric's ratio), graded 70 + (ratio − 1) × 100 within 0–100 (flat 70, −70% or worse 0, +30% or better 100); no usage at all in 60 days 0; " +
        "feature_breadth: meters used in the last 30 days over the workspace's meters, full marks from 60% (grade = breadth ÷ 0.6); " +
        "seat_utilization: distinct users active in the last 30 days over licensed seats, full marks from 85% (grade = utilisation ÷ 0.85); " +
        "login_recency: days since the last day a user was active, 100 up to 7 days, 0 from 60 days (and when none in 90 days), linear between; " +
        "nps: the NPS of the latest day with answers in the last 365 days, (NPS + 100) ÷ 2 (a promoter 100, a passive 50, a detractor 0); " +
        "mrr_movement: MRR now over MRR 90 days ago, graded like the usage trend; new revenue 100, MRR gone 0. " +
        "A component whose data is missing is skipped and the weights of the others renormalised.";

    public static HealthGrade UsageTrend(HealthSignals signals, string account, string? metric, double weight)
    {
        var meters = metric is null ? signals.Usage.Meters : [metric];
        var windows = meters.Select(m => (Meter: m, Windows: signals.Usage.Of(account, m))).ToList();
        var compared = windows.Where(w => w.Windows.Previous > 0).ToList();
        if (compared.Count == 0)
        {
            return windows.Any(w => w.Windows.Recent > 0)
                ? new HealthGrade("usage_trend", weight, null, $"skipped: no {What(metric)} in the 30 days before the last 30 to compare with (a new account)")
                : new HealthGrade("usage_trend", weight, 0, $"no {What(metric)} in the last 60 days → 0/100");
        }
        var ratio = compared.Average(w => w.Windows.Recent / w.Windows.Previous);
        var grade = TrendGrade(ratio);
        var detail = compared.Count == 1
            ? $"{compared[0].Meter} {N(compared[0].Windows.Recent)} in the last 30 days against {N(compared[0].Windows.Previous)} in the 30 before"
            : $"the mean ratio of {compared.Count} meters ({string.Join(", ", compared.Select(w => $"{w.Meter} {N(w.Windows.Recent)}/{N(w.Windows.Previous)}"))})";
        return new HealthGrade("usage_trend", weight, grade, $"usage trend {detail} = {Signed((ratio - 1) * 100)}% → {N(grade)}/100");
    }

    public static HealthGrade FeatureBreadth(HealthSignals signals, string account, double weight)
    {
        var total = signals.Usage.Meters.Count;
        if (total == 0)
        {
            return new HealthGrade("feature_breadth", weight, null, "skipped: the workspace has no metered events");
        }
        var used = signals.Usage.UsedRecently(account).Count;
        var breadth = used / (double)total;
        var grade = Math.Min(100, breadth / FullBreadthShare * 100);
        return new HealthGrade("feature_breadth", weight, grade, $"feature breadth {used} of {total} features in the last 30 days = {N(breadth * 100)}% → {N(grade)}/100");
    }

    public static HealthGrade SeatUtilization(HealthSignals signals, string account, double weight)
    {
        if (!signals.Seats.TryGetValue(account, out var seats) || seats.Licensed <= 0)
        {
            return new HealthGrade("seat_utilization", weight, null, "skipped: no licensed_seats");
        }
        var share = seats.Active / seats.Licensed;
        var grade = Math.Min(100, share / FullSeatShare * 100);
        return new HealthGrade("seat_utilization", weight, grade, $"seat utilisation {N(seats.Active)} of {N(seats.Licensed)} seats = {N(share * 100)}% → {N(grade)}/100");
    }

    public static HealthGrade LoginRecency(HealthSignals signals, string account, double weight)
    {
        if (signals.LastActive.Count == 0)
        {
            return new HealthGrade("login_recency", weight, null, $"skipped: no user was active in the workspace in the last {HealthSignals.ActivityLookbackDays} days");
        }
        if (!signals.LastActive.TryGetValue(account, out var last))
        {
            return new HealthGrade("login_recency", weight, 0, $"login recency: no user active in the last {HealthSignals.ActivityLookbackDays} days → 0/100");
        }
        var days = signals.AsOf.DayNumber - last.DayNumber;
        var grade = days <= FreshDays ? 100 : days >= StaleDays ? 0 : 100d * (StaleDays - days) / (StaleDays - FreshDays);
        return new HealthGrade("login_recency", weight, grade, $"login recency {days} days since a user was last active ({KpiSeries.Day(last)}) → {N(grade)}/100");
    }

    public static HealthGrade Nps(HealthSignals signals, string account, double weight)
    {
        if (!signals.Nps.TryGetValue(account, out var nps))
        {
            return new HealthGrade("nps", weight, null, $"skipped: no NPS answer in the last {HealthSignals.NpsLookbackDays} days");
        }
        var grade = (nps.Nps + 100) / 2;
        return new HealthGrade("nps", weight, grade, $"NPS {Signed(nps.Nps)} on the latest answer day {KpiSeries.Day(nps.Day)} → {N(grade)}/100");
    }

    public static HealthGrade MrrMovement(HealthSignals signals, string account, double weight)
    {
        var now = signals.MrrNow.GetValueOrDefault(account);
        var before = signals.MrrBefore.GetValueOrDefault(account);
        var then = KpiSeries.Day(signals.AsOf.AddDays(-HealthSignals.MrrLookbackDays));
        return (now, before) switch
        {
            (<= 0, <= 0) => new HealthGrade("mrr_movement", weight, null, $"skipped: no MRR now nor on {then}"),
            (_, <= 0) => new HealthGrade("mrr_movement", weight, 100, $"MRR movement new revenue: {N(now)} now, none on {then} → 100/100"),
            (<= 0, _) => new HealthGrade("mrr_movement", weight, 0, $"MRR movement {N(before)} on {then}, none now → 0/100"),
            _ => new HealthGrade("mrr_movement", weight, TrendGrade(now / before), $"MRR movement {N(now)} now against {N(before)} on {then} = {Signed((now / before - 1) * 100)}% → {N(TrendGrade(now / before))}/100"),
        };
    }

    public static string Band(double score, HealthSettings settings) =>
        score >= settings.Healthy ? "healthy" : score >= settings.AtRisk ? "neutral" : "at-risk";

    private static double TrendGrade(double ratio) => Math.Clamp(FlatGrade + ((ratio - 1) * 100), 0, 100);

    private static string What(string? metric) => metric ?? "usage";

    internal static string N(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string Signed(double value) => (value > 0 ? "+" : "") + N(value);
}
