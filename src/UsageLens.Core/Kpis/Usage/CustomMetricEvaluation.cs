using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Semantics.Custom;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;

namespace UsageLens.Core.Kpis.Usage;

/// <summary>
/// Evaluates a custom metric over one period, optionally by grain and groups. Every usage metric a
/// formula uses (directly or through other custom metrics) is read once with <see cref="QueryPlanner.Usage"/>
/// under the request's scope and filters, every state metric once with <see cref="StatePlanner"/>; the
/// formula is then applied row by row, so a ratio is the ratio of the row's sums, never a sum of ratios.
/// </summary>
internal sealed class CustomMetricEvaluation(KpiRequest request, KpiContext context)
{
    private readonly Dictionary<UsageMetric, Dictionary<(string?, string), double>> _usage = [];
    private readonly Dictionary<string, Dictionary<(string?, string), StateTime>> _states = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string?[]> _groups = new(StringComparer.Ordinal);

    private IReadOnlyDictionary<string, CustomMetric> Metrics => context.Model.CustomMetrics;

    public async Task<CustomTable> EvaluateAsync(CustomMetric metric, Period period, Grain? grain, IReadOnlyList<Dimension> groups, CancellationToken cancellationToken)
    {
        _usage.Clear();
        _states.Clear();
        _groups.Clear();
        var buckets = grain is { } g ? Calendar.Buckets(period, g, request.WeekStart) : [new Bucket(period.From, period)];
        var labels = grain is null ? [null] : buckets.Select(b => (string?)KpiValues.Label(b.Label)).ToList();
        foreach (var leaf in Leaves(metric).Distinct())
        {
            if (leaf is UsageMetric usage && !_usage.ContainsKey(usage))
            {
                _usage[usage] = await UsageAsync(usage, period, grain, groups, cancellationToken).ConfigureAwait(false);
            }
            else if (leaf is StateMetric state && !_states.ContainsKey(state.Name))
            {
                _states[state.Name] = await StatesAsync(state, period, buckets, labels, groups, cancellationToken).ConfigureAwait(false);
            }
        }
        if (groups.Count == 0)
        {
            _groups.TryAdd(RowKeys.Join([]), []);
        }
        var cells = new Dictionary<(string?, string), CustomCell>();
        foreach (var group in _groups.Keys)
        {
            foreach (var label in labels)
            {
                cells[(label, group)] = Cell(metric, (label, group));
            }
        }
        return new CustomTable(labels, new Dictionary<string, string?[]>(_groups, StringComparer.Ordinal), cells);
    }

    /// <summary>The usage metrics and state metrics a custom metric is computed from, checked against the workspace.</summary>
    private IEnumerable<object> Leaves(CustomMetric metric)
    {
        if (metric is StateMetric state)
        {
            CheckState(state);
            return [state];
        }
        var formula = (FormulaMetric)metric;
        foreach (var term in FormulaReferences.Terms(formula.Expression))
        {
            if (!context.Model.Catalog.MeterUnits.ContainsKey(term.Event))
            {
                throw new UsageLensException($"{context.Model.CustomMetricsSource}: metrics.{metric.Name}.formula: unknown metric '{term.Event}'{NearestNames.Hint(term.Event, context.Model.Catalog.MeterUnits.Keys)}");
            }
        }
        return FormulaReferences.Terms(formula.Expression).Cast<object>()
            .Concat(FormulaReferences.CustomMetrics(formula.Expression).SelectMany(name => Leaves(Metrics[name])));
    }

    private void CheckState(StateMetric state)
    {
        var path = $"{context.Model.CustomMetricsSource}: metrics.{state.Name}.state";
        var catalog = context.Model.Catalog;
        if (!catalog.MeterUnits.ContainsKey(state.Event))
        {
            throw new UsageLensException($"{path}.event: no '{state.Event}' events in this workspace{NearestNames.Hint(state.Event, catalog.MeterUnits.Keys)}");
        }
        foreach (var (key, value) in new[] { ("property", state.Property), ("entity", state.Entity) })
        {
            if (value is not null && !catalog.EventProperties.Contains(value))
            {
                throw new UsageLensException($"{path}.{key}: no event has the property '{value}'{NearestNames.Hint(value, catalog.EventProperties)}");
            }
        }
        foreach (var group in request.GroupBy)
        {
            var ok = group.Source == DimensionSource.Account || group.IsAccountId || (group.JsonKey is not null && group.JsonKey == state.Entity && group.Source == DimensionSource.Event);
            if (!ok)
            {
                var entity = state.Entity is null ? "" : $" or properties.{state.Entity}";
                throw new UsageLensException($"--group-by {group.Name}: {state.Name} can be grouped by account dimensions, account_id{entity}, which stay the same for each {(state.Entity ?? "account")}");
            }
        }
    }

    private async Task<Dictionary<(string?, string), double>> UsageAsync(UsageMetric metric, Period period, Grain? grain, IReadOnlyList<Dimension> groups, CancellationToken cancellationToken)
    {
        var query = new MetricQuery(metric, period, request.Scope, request.Filters, grain, groups, request.WeekStart, context.Reads);
        var values = new Dictionary<(string?, string), double>();
        foreach (var row in await context.QueryAsync(QueryPlanner.Usage(query), cancellationToken).ConfigureAwait(false))
        {
            var (label, groupValues) = RowKeys.Read(row, grain is not null, groups.Count);
            values[(label, Group(groupValues))] = row.GetDouble("value");
        }
        return values;
    }

    private async Task<Dictionary<(string?, string), StateTime>> StatesAsync(
        StateMetric metric, Period period, IReadOnlyList<Bucket> buckets, IReadOnlyList<string?> labels, IReadOnlyList<Dimension> groups, CancellationToken cancellationToken)
    {
        var query = new StateQuery(metric, period, request.Scope, request.Filters, groups);
        var entities = new Dictionary<(string?, string?), (StateTimeline Timeline, string Group)>();
        foreach (var row in await context.QueryAsync(StatePlanner.InForceAtStart(query), cancellationToken).ConfigureAwait(false))
        {
            entities[(row.GetText("account_id"), row.GetText("entity"))] = (new StateTimeline(row.GetText("state")), Group(ReadGroups(row, groups.Count)));
        }
        foreach (var row in await context.QueryAsync(StatePlanner.Changes(query), cancellationToken).ConfigureAwait(false))
        {
            var key = (row.GetText("account_id"), row.GetText("entity"));
            if (!entities.TryGetValue(key, out var entity))
            {
                entity = (new StateTimeline(null), Group(ReadGroups(row, groups.Count)));
                entities[key] = entity;
            }
            entity.Timeline.Add(new StateChange(row.GetDateTime("timestamp"), row.GetText("state")!));
        }
        var periods = buckets.Select(b => b.Period).ToList();
        var times = new Dictionary<(string?, string), StateTime>();
        foreach (var (timeline, group) in entities.Values)
        {
            var measured = timeline.Measure(period, periods, metric.UpStates);
            for (var i = 0; i < measured.Length; i++)
            {
                if (measured[i].Observed > TimeSpan.Zero)
                {
                    var key = (labels[i], group);
                    if (!times.TryGetValue(key, out var time))
                    {
                        time = new StateTime();
                        times[key] = time;
                    }
                    time.Add(measured[i].Up, measured[i].Observed);
                }
            }
        }
        return times;
    }

    private static string?[] ReadGroups(QueryRow row, int count) => Enumerable.Range(0, count).Select(i => row.GetText(QueryPlanner.GroupColumn(i))).ToArray();

    private string Group(string?[] values)
    {
        var key = RowKeys.Join(values);
        _groups.TryAdd(key, values);
        return key;
    }

    private CustomCell Cell(CustomMetric metric, (string?, string) key)
    {
        if (metric is StateMetric state)
        {
            var time = _states[state.Name].GetValueOrDefault(key);
            return new CustomCell(time?.Percent, [
                new("up_hours", time?.Up.TotalHours ?? 0),
                new("observed_hours", time?.Observed.TotalHours ?? 0),
                new("entities", time?.Entities ?? 0),
            ]);
        }
        var formula = (FormulaMetric)metric;
        var parts = FormulaReferences.Terms(formula.Expression).Distinct()
            .Select(t => new KpiPart(t.ToString(), _usage[t].GetValueOrDefault(key)))
            .Concat(FormulaReferences.CustomMetrics(formula.Expression).Distinct(StringComparer.Ordinal).Select(name => new KpiPart(name, Value(Metrics[name], key))))
            .ToList();
        return new CustomCell(Value(formula, key), parts);
    }

    private double? Value(CustomMetric metric, (string?, string) key) => metric switch
    {
        StateMetric state => _states[state.Name].GetValueOrDefault(key)?.Percent,
        FormulaMetric formula => FormulaReferences.Evaluate(formula.Expression, leaf => leaf switch
        {
            FormulaTerm term => _usage[term.Metric].GetValueOrDefault(key),
            FormulaReference reference => Value(Metrics[reference.Name], key),
            _ => null,
        }),
        _ => null,
    };
}
