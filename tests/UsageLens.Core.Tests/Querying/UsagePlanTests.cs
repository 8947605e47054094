using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Tests.Querying;

/// <summary>What the usage planner decides, read from the statement tree with no SQL dialect involved.</summary>
public sealed class UsagePlanTests
{
    private static readonly SemanticModel s_model = new(WorkspaceCatalog.Empty with
    {
        MeterUnits = new Dictionary<string, string> { ["api_call"] = "count" },
        EventProperties = new HashSet<string> { "endpoint" },
    });

    [Fact]
    public void The_period_is_half_open_and_bound_as_values()
    {
        var from = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

        var plan = QueryPlanner.Usage(Query("api_call", Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1))));

        var conditions = PlannedStatements.Conjuncts(plan.Where).OfType<SqlBinary>().ToList();
        Assert.Contains(conditions, c => c is { Operator: SqlOperator.GreaterOrEqual, Right: SqlValue { Value: DateTime v } } && v == from);
        Assert.Contains(conditions, c => c is { Operator: SqlOperator.Less, Right: SqlValue { Value: DateTime v } } && v == to);
        Assert.DoesNotContain(conditions, c => c.Operator is SqlOperator.LessOrEqual or SqlOperator.Greater);
    }

    [Fact]
    public void Filter_values_reach_the_tree_only_as_bound_values()
    {
        const string hostile = "x' OR 1=1; DROP TABLE events; --";

        var plan = QueryPlanner.Usage(Query("api_call", Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)), $"properties.endpoint={hostile}"));

        var values = PlannedStatements.Conjuncts(plan.Where).SelectMany(PlannedStatements.BoundValues);
        Assert.Contains(hostile, values);
    }

    [Theory]
    [InlineData("api_call", null, null, WorkspaceTable.AccountDays)]
    [InlineData("users(api_call)", null, null, WorkspaceTable.UserDays)]
    [InlineData("api_call", "user_id=u-1", null, WorkspaceTable.UserDays)]
    [InlineData("api_call", "properties.endpoint=/v1", null, WorkspaceTable.Events)]
    [InlineData("api_call", null, "properties.endpoint", WorkspaceTable.Events)]
    public void Whole_days_read_the_smallest_rollup_that_holds_every_column_used(string metric, string? filter, string? groupBy, WorkspaceTable expected)
    {
        var query = Query(metric, Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)), filter) with
        {
            GroupBy = groupBy is null ? null : [s_model.Dimension(groupBy)],
        };

        Assert.Equal(expected, ((SqlTable)QueryPlanner.Usage(query).From).Table);
    }

    [Fact]
    public void A_period_that_starts_mid_day_reads_raw_events()
    {
        var period = new Period(new DateTime(2026, 10, 1, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 2, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(WorkspaceTable.Events, ((SqlTable)QueryPlanner.Usage(Query("api_call", period)).From).Table);
    }

    [Fact]
    public void The_checked_baseline_always_reads_raw_events()
    {
        var query = Query("api_call", Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1))) with { Reads = EventReads.RawEvents };

        Assert.Equal(WorkspaceTable.Events, ((SqlTable)QueryPlanner.Usage(query).From).Table);
    }

    private static MetricQuery Query(string metric, Period period, string? filter = null) =>
        new(s_model.Metric(metric), period, AccountScope.All, filter is null ? [] : [FilterSyntax.Parse(filter, s_model)]);
}
