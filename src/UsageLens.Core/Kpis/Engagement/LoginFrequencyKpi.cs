using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How often an active user logs in, per week.</summary>
internal sealed class LoginFrequencyKpi : IKpi
{
    private const string Login = "login";

    public KpiDefinition Definition { get; } = new(
        "login-frequency",
        "Login frequency",
        "login frequency = login events with a user_id in the period ÷ distinct users with ≥1 event in the period ÷ (UTC days in the period ÷ 7)",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("login frequency", "login-frequency", "logins per user", "log in frequency")],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        // Refuses, with the nearest names, a workspace that has never recorded a login event.
        context.Model.Metric(Login);
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);

        var days = await DaysAsync(reader, request.Period, cancellationToken).ConfigureAwait(false);
        var outcome = LoginFrequency.Compute(days, request.Period);
        var previous = await KpiComparison.ForPreviousAsync(request, async before => LoginFrequency.Compute(await DaysAsync(reader, before, cancellationToken).ConfigureAwait(false), before)).ConfigureAwait(false);
        var rows = request.IsBreakdown ? EngagementRows.Build(request, groups, days, d => d.Account, LoginFrequency.Compute) : null;
        return new KpiResult(Definition.Name, Login, request.Period, outcome.Value, "logins per user per week", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static async Task<List<EntityDay>> DaysAsync(EngagementReader reader, Period period, CancellationToken cancellationToken) =>
        [
            .. await reader.EntityDaysAsync("user_id", period, null, cancellationToken).ConfigureAwait(false),
            .. await reader.EntityDaysAsync("user_id", period, Login, cancellationToken).ConfigureAwait(false),
        ];
}
