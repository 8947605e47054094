using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Semantics.Custom;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Tests.Querying;

/// <summary>
/// A partner key must never read another partner's customers. Every planner is asked for a partner's
/// statements with filters and groups of every kind, and every statement whose rows reach the result
/// must itself restrict the table it reads to that partner's accounts.
/// </summary>
public sealed class PlannerScopeTests
{
    private const string Partner = "p-north";

    private static readonly SemanticModel s_model = new(WorkspaceCatalog.Empty with
    {
        MeterUnits = new Dictionary<string, string> { ["api_call"] = "count", ["machine_state"] = "count" },
        EventProperties = new HashSet<string> { "machine_id", "state" },
    });

    private static readonly Period s_october = Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));

    public static TheoryData<string> Plans => [.. PlansFor(AccountScope.All).Keys];

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_statement_that_produces_rows_reads_only_the_partners_accounts(string plan)
    {
        var statement = PlansFor(AccountScope.Partner(Partner))[plan];

        var unrestricted = PlannedStatements.Producing(statement).Where(s => !PlannedStatements.IsRestrictedTo(s, Partner)).ToList();

        Assert.Empty(unrestricted);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Without_a_partner_no_statement_is_restricted_so_the_check_can_fail(string plan)
    {
        var statement = PlansFor(AccountScope.All)[plan];

        Assert.DoesNotContain(PlannedStatements.Producing(statement), s => PlannedStatements.IsRestrictedTo(s, Partner));
    }

    private static Dictionary<string, SqlSelect> PlansFor(AccountScope scope)
    {
        IReadOnlyList<Filter> filters = [Filter("segment=enterprise"), Filter("plan!=trial"), Filter("product=api")];
        IReadOnlyList<Filter> accountFilters = [Filter("segment=enterprise"), Filter("revenue>=1000")];
        var at = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var uptime = new StateMetric("uptime", "machine_state", "state", new HashSet<string> { "running" }, "machine_id", "%", null);
        return new Dictionary<string, SqlSelect>
        {
            ["usage by plan, raw events"] = QueryPlanner.Usage(new MetricQuery(new UsageMetric("api_call", Aggregation.Sum), s_october, scope, filters, Grain.Day, [s_model.Dimension("plan")], Reads: EventReads.RawEvents)),
            ["usage by user email, rollup"] = QueryPlanner.Usage(new MetricQuery(new UsageMetric("api_call", Aggregation.Users), s_october, scope, filters, null, [s_model.Dimension("email")])),
            ["usage by property"] = QueryPlanner.Usage(new MetricQuery(new UsageMetric("api_call", Aggregation.Count), s_october, scope, [], null, [s_model.Dimension("properties.machine_id")])),
            ["account attributes"] = QueryPlanner.AccountAttributes(scope, accountFilters, "revenue", [s_model.Dimension("segment")]),
            ["mrr at"] = QueryPlanner.MrrAt(at, scope, accountFilters),
            ["paid before"] = RevenuePlanner.PaidBefore(at, scope, accountFilters),
            ["plan at"] = FinancePlanner.PlanAt(at, scope, accountFilters),
            ["subscriptions before"] = SubscriptionPlanner.Before(at, scope, accountFilters),
            ["usage by account and meter"] = FinancePlanner.UsageByAccountAndMeter(s_october, scope, filters, ["api_call"]),
            ["nps score counts"] = SurveyPlanner.ScoreCounts(s_october, scope, accountFilters, Grain.Month, [s_model.Dimension("region")]),
            ["active days"] = ActivityPlanner.ActiveDays(s_october, scope, filters, ["api_call"], EventReads.Rollups),
            ["daily active users"] = ActivityPlanner.DailyActiveUsers(s_october, scope, filters, [], EventReads.RawEvents),
            ["active users"] = ActivityPlanner.ActiveUsers(s_october, scope, filters, [], EventReads.Rollups),
            ["entity days"] = ActivityPlanner.EntityDays("account_id", s_october, scope, filters, "api_call", [], EventReads.Rollups),
            ["first events"] = ActivityPlanner.FirstEvents("user_id", at, scope, filters, null, [], EventReads.Rollups),
            ["newcomers"] = ActivityPlanner.Newcomers("account_id", s_october, scope, filters, "export", [], EventReads.Rollups),
            ["newcomers, monthly activity"] = ActivityPlanner.Newcomers("user_id", s_october, scope, filters, null, ["api_call"], EventReads.Rollups),
            ["newcomers' first events"] = ActivityPlanner.FirstEvents("account_id", at, scope, filters, null, [], EventReads.Rollups, ActivityPlanner.NewcomerIds("account_id", s_october, scope, filters, "export", [], EventReads.Rollups)),
            ["newcomers' first events, monthly activity"] = ActivityPlanner.FirstEvents("user_id", at, scope, filters, null, [], EventReads.Rollups, ActivityPlanner.NewcomerIds("user_id", s_october, scope, filters, "export", [], EventReads.Rollups)),
            ["account active users, monthly activity"] = ActivityMonths.AccountActiveUsers(s_october, scope, filters, ["api_call"]),
            ["account months, monthly activity"] = ActivityMonths.AccountMonths(s_october, scope, filters, []),
            ["entity totals"] = ActivityPlanner.EntityTotals("user_id", s_october, scope, filters, "export", [], EventReads.Rollups),
            ["cohort activity"] = ActivityPlanner.CohortActivity("user_id", s_october, s_october, scope, filters, ["api_call"], EventReads.Rollups, Grain.Week, DayOfWeek.Monday),
            ["active users, monthly activity"] = ActivityMonths.ActiveUsers(s_october, scope, filters, ["api_call"]),
            ["active user counts, monthly activity"] = ActivityMonths.UserCounts([s_october, s_october.Previous()], [new DateOnly(2026, 10, 5), new DateOnly(2026, 9, 30)], scope, filters, []),
            ["cohort cells, monthly activity"] = ActivityMonths.CohortCells([s_october, s_october.Previous()], Grain.Week, DayOfWeek.Monday, onOrAfter: true, scope, filters, ["api_call"]),
            ["account event days"] = ActivityPlanner.AccountEventDays(s_october, scope, filters, EventReads.Rollups),
            ["timed events"] = ActivityPlanner.TimedEvents(s_october, scope, filters, "api_call", []),
            ["first seen"] = ActivityPlanner.FirstSeen(at, scope, filters, EventReads.Rollups),
            ["imported users"] = ActivityPlanner.ImportedUsers(scope, accountFilters),
            ["state in force at start"] = StatePlanner.InForceAtStart(new StateQuery(uptime, s_october, scope, accountFilters, [s_model.Dimension("segment")])),
            ["state changes"] = StatePlanner.Changes(new StateQuery(uptime, s_october, scope, accountFilters, [])),
        };
    }

    private static Filter Filter(string text) => FilterSyntax.Parse(text, s_model);
}
