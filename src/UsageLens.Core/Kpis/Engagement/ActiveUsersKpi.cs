using UsageLens.Core.Querying;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>DAU, WAU and MAU: distinct users with at least one event, by day or over a trailing or calendar window.</summary>
internal sealed class ActiveUsersKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "active-users",
        "Active users (DAU / WAU / MAU)",
        "active user on day d = ≥1 event with a user_id on d (UTC); dau = mean over the period's days of DAU(d), days without activity count 0; wau/mau trailing = distinct users active on days d − N < day ≤ d for d = the period's last day (N = window, default 7 / 30); calendar = distinct users active in the period; --grain day: each day's trailing value",
        RequiresMetric: false)
    {
        Synonyms =
        [
            .. KpiSynonym.Phrases("active users", "active-users", "active user", "actives"),
            new KpiSynonym("dau") { Option = "measure=dau" },
            new KpiSynonym("daily active users") { Option = "measure=dau" },
            new KpiSynonym("wau") { Option = "measure=wau" },
            new KpiSynonym("weekly active users") { Option = "measure=wau" },
            new KpiSynonym("mau") { Option = "measure=mau" },
            new KpiSynonym("monthly active users") { Option = "measure=mau" },
        ],
        Options =
        [
            new KpiOption("measure", "dau, wau or mau (default mau)"),
            new KpiOption("window", "days in a wau/mau window (default 7 for wau, 30 for mau)"),
            new KpiOption("mode", "trailing (window ending on the period's last day, default) or calendar (the whole period)"),
        ],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var measure = request.ChoiceOption("measure", "mau", "wau", "dau");
        var window = request.IntOption("window", measure == "wau" ? 7 : measure == "mau" ? 30 : 1, 1, 366);
        var mode = request.ChoiceOption("mode", "trailing", "calendar");
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);

        // A breakdown needs each day's users, which also give the headline; without one, SQL counts
        // the headline, reading a trailing window only for trailing WAU/MAU.
        int? trailing = measure != "dau" && mode == "trailing" ? window : null;
        // DAU by day is each day's distinct users, which the headline's SQL counts per day already: reading every
        // (day, user, account) of the period to count them again in memory took seconds at 500 accounts.
        var dauByDay = measure == "dau" && request.Grain == Grain.Day && request.GroupBy.Count == 0;
        var activity = request.IsBreakdown && !dauByDay ? await reader.ActiveDaysAsync(WithWindow(request.Period, window), cancellationToken).ConfigureAwait(false) : null;
        // Only DAU is built from each day's users; WAU and MAU are distinct counts of their own.
        var daily = measure == "dau";
        var counts = activity is null ? await reader.CountsAsync(request.Period, trailing, daily, cancellationToken).ConfigureAwait(false) : null;
        var outcome = counts is not null
            ? Evaluate(counts, measure, mode)
            : Evaluate(new ActivityIndex(activity!), request.Period, measure, window, mode);
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
            Evaluate(await reader.CountsAsync(before, trailing, daily, cancellationToken).ConfigureAwait(false), measure, mode)).ConfigureAwait(false);
        // A day row is that day's DAU/WAU/MAU, which is the trailing window by definition.
        var rowMode = request.Grain == Grain.Day ? "trailing" : mode;
        var rows = dauByDay
            ? Calendar.Buckets(request.Period, Grain.Day, request.WeekStart).Select(b => Row(b, counts!.Daily.GetValueOrDefault(DateOnly.FromDateTime(b.Label)))).ToList()
            : activity is null
                ? null
                : EngagementRows.Build(request, groups, activity, a => a.Account, (items, period) => Evaluate(new ActivityIndex(items), period, measure, window, rowMode));
        return new KpiResult(Definition.Name, null, request.Period, outcome.Value, "users", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static KpiRow Row(Bucket day, int users) =>
        new(RowKeys.Of(KpiValues.Label(day.Label), [], []), users, [new KpiPart("users", users), new KpiPart("days", 1)]);

    /// <summary>The period widened back so the trailing window of its first day is read too.</summary>
    public static Period WithWindow(Period period, int window)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new Period(period.From.Date.AddDays(1 - window), period.To);
    }

    public static KpiOutcome Evaluate(ActivityIndex index, Period period, string measure, int window, string mode) =>
        Evaluate(ActiveUserCounts.Of(index, period, window), measure, mode);

    private static KpiOutcome Evaluate(ActiveUserCounts counts, string measure, string mode)
    {
        double value = measure == "dau"
            ? counts.MeanDaily ?? throw new InvalidOperationException("daily counts were not read")
            : mode == "calendar" ? counts.InPeriod : counts.Trailing ?? throw new InvalidOperationException("trailing counts were not read");
        return new KpiOutcome(value, [new KpiPart("users", counts.InPeriod), new KpiPart("days", counts.Days)]);
    }
}
