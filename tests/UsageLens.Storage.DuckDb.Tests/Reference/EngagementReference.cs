namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// The engagement KPIs written out plainly from docs/metrics.md: an active user on day d is a user
/// with an event on d (UTC) that carries a user_id, through an account <c>keep</c> keeps.
/// </summary>
internal static class EngagementReference
{
    public static ExpectedKpi ActiveUsers(SampleWorkspace w, Window period, Func<string?, bool> keep, string measure, int? window, string mode)
    {
        var n = window ?? (measure == "wau" ? 7 : 30);
        double value = measure == "dau"
            ? period.Days.Average(d => Users(w, keep, d, d).Count)
            : mode == "calendar" ? Users(w, keep, period.FirstDay, period.LastDay).Count : Users(w, keep, period.LastDay.AddDays(1 - n), period.LastDay).Count;
        return new ExpectedKpi(value, ("users", Users(w, keep, period.FirstDay, period.LastDay).Count), ("days", period.Days.Count));
    }

    /// <summary>Mixpanel: mean DAU over every day ÷ distinct users in the period × 100; rolling: mean of DAU(d) ÷ MAU₃₀(d) × 100 over days with MAU₃₀(d) &gt; 0.</summary>
    public static ExpectedKpi Stickiness(SampleWorkspace w, Window period, Func<string?, bool> keep, bool rolling)
    {
        var meanDau = period.Days.Average(d => Users(w, keep, d, d).Count);
        var mau = Users(w, keep, period.FirstDay, period.LastDay).Count;
        if (!rolling)
        {
            return new ExpectedKpi(mau == 0 ? null : meanDau / mau * 100, ("mean_dau", meanDau), ("mau", mau));
        }
        var ratios = period.Days.Where(d => Users(w, keep, d.AddDays(-29), d).Count > 0)
            .Select(d => Users(w, keep, d, d).Count / (double)Users(w, keep, d.AddDays(-29), d).Count).ToList();
        return new ExpectedKpi(ratios.Count == 0 ? null : ratios.Average() * 100, ("mean_dau", meanDau), ("mau", mau), ("days", ratios.Count));
    }

    /// <summary>Active users ÷ users known at the end (imported and created before `to` or undated, or seen in events before `to`) × 100.</summary>
    public static ExpectedKpi UsageRate(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var active = Users(w, keep, period.FirstDay, period.LastDay).Count;
        var known = w.Users.Where(u => keep(u.Account) && (u.CreatedAt is null || u.CreatedAt < period.To)).Select(u => u.Id)
            .Concat(w.Events.Where(e => e.User is not null && keep(e.Account) && e.At < period.To).Select(e => e.User!))
            .Distinct().Count();
        return new ExpectedKpi(known == 0 ? null : active * 100d / known, ("active_users", active), ("known_users", known));
    }

    /// <summary>
    /// Adopters (entities with the feature's event in the period) ÷ active entities × 100; depth =
    /// feature events ÷ adopters; median UTC days from an entity's first event ever to its first
    /// use of the feature, over adopters whose first use is in the period.
    /// </summary>
    public static ExpectedKpi FeatureAdoption(SampleWorkspace w, Window period, Func<string?, bool> keep, string feature, bool accounts)
    {
        string? EntityOf(SampleEvent e) => accounts ? e.Account : e.User;
        var history = w.Events.Where(e => EntityOf(e) is not null && keep(e.Account) && e.At < period.To).ToList();
        var inPeriod = history.Where(e => period.Contains(e.At)).ToList();
        var active = inPeriod.Select(EntityOf).Distinct().Count();
        var adopters = inPeriod.Where(e => e.Name == feature).Select(EntityOf).Distinct().ToList();
        var featureEvents = inPeriod.Count(e => e.Name == feature);
        var days = adopters.Select(a => (First: history.Where(e => EntityOf(e) == a).Min(e => e.At), Use: history.Where(e => EntityOf(e) == a && e.Name == feature).Min(e => e.At)))
            .Where(x => period.Contains(x.Use))
            .Select(x => (double)(DateOnly.FromDateTime(x.Use).DayNumber - DateOnly.FromDateTime(x.First).DayNumber))
            .ToList();
        return new ExpectedKpi(
            active == 0 ? null : adopters.Count * 100d / active,
            ("adopters", adopters.Count), ("active", active), ("depth", adopters.Count == 0 ? null : featureEvents / (double)adopters.Count), ("median_days_to_first_use", Median(days)));
    }

    /// <summary>Per CRM account with seats: active users through it ÷ seats × 100, banded; overall Σ active ÷ Σ seats.</summary>
    public static (ExpectedKpi Overall, IReadOnlyDictionary<string, (ExpectedKpi Row, string Band)> Rows) SeatUtilization(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var accounts = w.Accounts.Where(a => keep(a.Id)).ToList();
        var seated = accounts.Where(a => a.Seats > 0).ToList();
        int Active(string account) => Users(w, a => a == account, period.FirstDay, period.LastDay).Count;
        var rows = seated.ToDictionary(a => a.Id, a =>
        {
            var percent = Active(a.Id) * 100d / a.Seats!.Value;
            var band = percent >= 80 ? "green" : percent >= 60 ? "amber" : "red";
            return (new ExpectedKpi(percent, ("active_users", Active(a.Id)), ("licensed_seats", a.Seats)), band);
        });
        var seats = seated.Sum(a => a.Seats!.Value);
        var active = seated.Sum(a => Active(a.Id));
        var overall = new ExpectedKpi(
            seats == 0 ? null : active * 100d / seats,
            ("active_users", active), ("licensed_seats", seats), ("accounts_without_seats", accounts.Count - seated.Count),
            ("green", rows.Values.Count(r => r.band == "green")), ("amber", rows.Values.Count(r => r.band == "amber")), ("red", rows.Values.Count(r => r.band == "red")));
        return (overall, rows);
    }

    /// <summary>Mean over accounts with any event in the period of distinct event names used ÷ features available × 100.</summary>
    public static ExpectedKpi FeatureBreadth(SampleWorkspace w, Window period, Func<string?, bool> keep, int? features)
    {
        var available = features ?? w.Events.Select(e => e.Name).Distinct().Count();
        var used = w.Events.Where(e => period.Contains(e.At) && keep(e.Account)).GroupBy(e => e.Account)
            .Select(g => (double)g.Select(e => e.Name).Distinct().Count()).ToList();
        double? mean = used.Count == 0 ? null : used.Average();
        return new ExpectedKpi(mean * 100 / available, ("accounts", used.Count), ("features_available", available), ("mean_features_used", mean));
    }

    /// <summary>Each user's events in the period split wherever the gap exceeds <paramref name="gap"/> minutes; length = last − first.</summary>
    public static ExpectedKpi Sessions(SampleWorkspace w, Window period, Func<string?, bool> keep, int gap)
    {
        var events = w.Events.Where(e => e.User is not null && keep(e.Account) && period.Contains(e.At)).ToList();
        var lengths = new List<double>();
        foreach (var user in events.GroupBy(e => e.User))
        {
            var times = user.Select(e => e.At).Order().ToList();
            var start = times[0];
            for (var i = 1; i <= times.Count; i++)
            {
                if (i == times.Count || (times[i] - times[i - 1]).TotalMinutes > gap)
                {
                    lengths.Add((times[i - 1] - start).TotalMinutes);
                    start = i < times.Count ? times[i] : start;
                }
            }
        }
        return new ExpectedKpi(lengths.Count,
            ("sessions", lengths.Count), ("mean_minutes", lengths.Count == 0 ? null : lengths.Average()), ("median_minutes", Median(lengths)),
            ("users", events.Select(e => e.User).Distinct().Count()));
    }

    /// <summary>login events of users ÷ active users ÷ (days in the period ÷ 7).</summary>
    public static ExpectedKpi LoginFrequency(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var logins = w.Events.Count(e => e.Name == "login" && e.User is not null && keep(e.Account) && period.Contains(e.At));
        var active = Users(w, keep, period.FirstDay, period.LastDay).Count;
        var weeks = period.Days.Count / 7d;
        return new ExpectedKpi(active == 0 ? null : logins / (double)active / weeks, ("logins", logins), ("active_users", active), ("weeks", weeks));
    }

    /// <summary>Over (user, Monday-week) pairs with activity in the period: k = active days; the mean k and, per k, the share with exactly and at least k.</summary>
    public static (ExpectedKpi Overall, IReadOnlyList<ExpectedKpi> ByDays) StickinessDistribution(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var days = ActiveDays(w, keep).Where(a => a.Day >= period.FirstDay && a.Day <= period.LastDay).ToList();
        var perUserWeek = days.GroupBy(a => (a.User, Week: a.Day.AddDays(-(((int)a.Day.DayOfWeek + 6) % 7))))
            .Select(g => g.Select(a => a.Day).Distinct().Count()).ToList();
        var total = perUserWeek.Count;
        var byDays = Enumerable.Range(1, 7).Select(k => new ExpectedKpi(
            total == 0 ? null : perUserWeek.Count(x => x == k) * 100d / total,
            ("user_weeks", perUserWeek.Count(x => x == k)), ("at_least_percent", total == 0 ? null : perUserWeek.Count(x => x >= k) * 100d / total))).ToList();
        return (new ExpectedKpi(total == 0 ? null : perUserWeek.Average(), ("user_weeks", total)), byDays);
    }

    /// <summary>Σ MRR in force at the period's end ÷ distinct active users in the period.</summary>
    public static ExpectedKpi RevenuePerActiveUser(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var mrr = w.Subscriptions.Select(s => s.Account).Distinct().Where(a => keep(a)).Sum(a => RevenueReference.MrrAt(w, a, period.To));
        var active = Users(w, keep, period.FirstDay, period.LastDay).Count;
        return new ExpectedKpi(active == 0 ? null : mrr / active, ("mrr", mrr), ("active_users", active));
    }

    public static IEnumerable<(DateOnly Day, string User, string Account)> ActiveDays(SampleWorkspace w, Func<string?, bool> keep) =>
        w.Events.Where(e => e.User is not null && keep(e.Account)).Select(e => (DateOnly.FromDateTime(e.At), e.User!, e.Account));

    /// <summary>Distinct users active on any day from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static HashSet<string> Users(SampleWorkspace w, Func<string?, bool> keep, DateOnly first, DateOnly last) =>
        ActiveDays(w, keep).Where(a => a.Day >= first && a.Day <= last).Select(a => a.User).ToHashSet();

    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
