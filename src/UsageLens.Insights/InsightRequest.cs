using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights;

/// <summary>
/// What an insight is asked with, as the CLI and the HTTP API receive it: the day it is computed as
/// of (only data before it is read), the accounts the caller may see, and plain-string arguments each
/// insight resolves through the KPI catalogue.
/// </summary>
public sealed record InsightRequest(DateOnly AsOf, AccountScope Scope)
{
    /// <summary>The KPI the insight looks at (trend; workspace-level anomalies).</summary>
    public string? Kpi { get; init; }

    /// <summary>The usage metric, as <c>usagelens kpi --metric</c> takes it.</summary>
    public string? Metric { get; init; }

    /// <summary>The dimension whose values a comparison sets against each other, such as <c>segment</c>.</summary>
    public string? Dimension { get; init; }

    /// <summary>The calendar unit of a series: day, week, month, quarter or year.</summary>
    public string? Grain { get; init; }

    /// <summary>A period relative to <see cref="AsOf"/>, such as <c>last-6-months</c>.</summary>
    public string? Period { get; init; }

    /// <summary>Filters as <c>dimension=value</c>, as <c>usagelens kpi --where</c> takes them.</summary>
    public IReadOnlyList<string> Where { get; init; } = [];

    /// <summary>Options of the KPI the insight reads, as <c>name=value</c>.</summary>
    public IReadOnlyList<string> KpiOptions { get; init; } = [];

    /// <summary>For a KPI of the top accounts (trend, comparison): how many are the top, as <c>--top</c> takes it (20%, 10).</summary>
    public string? Top { get; init; }

    /// <summary>For a KPI of the top accounts: what ranks them, as <c>--rank-by</c> takes it (revenue, usage, mrr...).</summary>
    public string? RankBy { get; init; }

    /// <summary>The insight's own options by name (see <see cref="IInsight.Options"/>).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads <c>name=value</c> pairs into <see cref="Options"/>, refusing names the insight does not take.</summary>
    public InsightRequest WithOptions(IEnumerable<string> pairs, IInsight insight)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(insight);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageLensException($"option '{pair}' must look like name=value");
            }
            var name = pair[..equals].Trim();
            if (!insight.Options.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                var known = insight.Options.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", insight.Options.Select(o => o.Name))}";
                throw new UsageLensException($"insight {insight.Definition.Name} has no option '{name}': {known}");
            }
            options[name] = pair[(equals + 1)..].Trim();
        }
        return this with { Options = options };
    }

    /// <summary>A number option within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    public double NumberOption(string name, double fallback, double min, double max)
    {
        if (!Options.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageLensException($"option {name}='{text}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>A day option (<c>YYYY-MM-DD</c>), or null when it is not given.</summary>
    public DateOnly? DateOption(string name) =>
        Options.TryGetValue(name, out var text) ? Core.Querying.CalendarDate.Parse($"option {name}", text) : null;

    /// <summary>A whole-number option within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    public int IntOption(string name, int fallback, int min, int max)
    {
        if (!Options.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageLensException($"option {name}='{text}' must be a whole number from {min} to {max}");
    }
}
