using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Semantics.Custom;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis;

/// <summary>Everything a KPI is asked with, already resolved against the semantic model.</summary>
public sealed record KpiRequest(Period Period, AccountScope Scope)
{
    public UsageMetric? Metric { get; init; }

    /// <summary>The custom metric <c>--metric</c> named instead of a usage metric; only the usage KPI takes one.</summary>
    public CustomMetric? CustomMetric { get; init; }

    public Grain? Grain { get; init; }

    public IReadOnlyList<Dimension> GroupBy { get; init; } = [];

    public IReadOnlyList<Filter> Filters { get; init; } = [];

    public TopSelection? Top { get; init; }

    public Ranking? RankBy { get; init; }

    /// <summary>A named variant of the KPI's formula, such as <c>revenue-weighted</c>.</summary>
    public string? Variant { get; init; }

    public bool ComparePrevious { get; init; } = true;

    /// <summary>KPI-specific options by name, checked against <see cref="KpiDefinition.Options"/> when resolved.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>A whole-number option, or <paramref name="fallback"/> when it is not given.</summary>
    public int IntOption(string name, int fallback, int min, int max)
    {
        if (!Options.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageLensException($"option {name}='{text}' must be a whole number from {min} to {max}");
    }

    /// <summary>A text option that must be one of <paramref name="allowed"/>, or the first of them when not given.</summary>
    public string ChoiceOption(string name, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!Options.TryGetValue(name, out var text))
        {
            return allowed[0];
        }
        var value = text.Trim().ToLowerInvariant();
        return allowed.Contains(value) ? value : throw new UsageLensException($"option {name}='{text}' must be one of {string.Join(", ", allowed)}");
    }

    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;

    public bool IsBreakdown => Grain is not null || GroupBy.Count > 0;

    public UsageMetric RequireMetric(string kpi) =>
        Metric ?? throw new UsageLensException(CustomMetric is { } custom
            ? $"{kpi} needs a usage metric that adds up across accounts; '{custom.Name}' is a custom metric, which only the usage KPI takes"
            : $"{kpi} needs a usage metric: add --metric, for example --metric api_call");
}
