using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis;

/// <summary>
/// A KPI request as the CLI and the HTTP API receive it: plain strings. Resolving it against the
/// workspace's semantic model gives a <see cref="KpiRequest"/> or an error naming the option.
/// </summary>
public sealed record KpiArguments
{
    public string? Metric { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Period { get; init; }

    public string? Grain { get; init; }

    public IReadOnlyList<string> GroupBy { get; init; } = [];

    public IReadOnlyList<string> Where { get; init; } = [];

    public string? Top { get; init; }

    public IReadOnlyList<string> TopWhere { get; init; } = [];

    public string? RankBy { get; init; }

    public string? Variant { get; init; }

    public bool ComparePrevious { get; init; } = true;

    /// <summary>KPI-specific options as <c>name=value</c> pairs.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The default period when none is given: the last complete calendar month.</summary>
    public const string DefaultPeriod = "last-month";

    /// <summary>Resolves the arguments for <paramref name="definition"/>, refusing options it does not take.</summary>
    public KpiRequest Resolve(KpiDefinition definition, SemanticModel model, DateOnly today, AccountScope scope)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Options)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageLensException($"option '{pair}' must look like name=value");
            }
            var name = pair[..equals].Trim();
            if (!definition.Options.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                var known = definition.Options.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", definition.Options.Select(o => o.Name))}";
                throw new UsageLensException($"{definition.Name} has no option '{name}': {known}");
            }
            options[name] = pair[(equals + 1)..].Trim();
        }
        return Resolve(model, today, scope) with { Options = options };
    }

    private KpiRequest Resolve(SemanticModel model, DateOnly today, AccountScope scope)
    {
        ArgumentNullException.ThrowIfNull(model);
        var request = new KpiRequest(ResolvePeriod(today), scope)
        {
            CustomMetric = Metric is null ? null : model.FindCustomMetric(Metric),
            Metric = Metric is null || model.FindCustomMetric(Metric) is not null ? null : model.Metric(Metric),
            Grain = Grain is null ? null : Querying.Calendar.ParseGrain(Grain),
            GroupBy = GroupBy.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(model.Dimension).ToList(),
            Filters = Where.Select(w => FilterSyntax.Parse(w, model)).ToList(),
            Top = TopWhere.Count > 0
                ? (Top is null ? TopSelection.Where(TopWhere.Select(w => FilterSyntax.Parse(w, model)).ToList()) : throw new UsageLensException("give either --top or --top-where, not both"))
                : Top is null ? null : TopSelection.Parse(Top),
            RankBy = RankBy is null ? null : Ranking.Parse(RankBy, model),
            Variant = Variant?.Trim().ToLowerInvariant(),
            ComparePrevious = ComparePrevious,
        };
        if (request.Top?.Matching?.Any(f => f.Dimension.Source != DimensionSource.Account) == true)
        {
            throw new UsageLensException("--top-where filters must be on account dimensions, such as strategic=true");
        }
        scope.Admit([.. request.Filters, .. request.Top?.Matching ?? []]);
        return request;
    }

    private Period ResolvePeriod(DateOnly today)
    {
        if (From is null && To is null)
        {
            return RelativePeriod.Resolve(Period ?? DefaultPeriod, today);
        }
        if (Period is not null)
        {
            throw new UsageLensException("give either --period or --from/--to, not both");
        }
        var from = From is null ? throw new UsageLensException("--to needs --from") : CalendarDate.Parse("--from", From);
        var to = To is null ? today.AddDays(1) : CalendarDate.Parse("--to", To);
        return Querying.Period.Days(from, to);
    }
}
