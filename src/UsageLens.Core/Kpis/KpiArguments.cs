using System.Globalization;
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

    /// <summary>The default period when none is given: the last complete calendar month.</summary>
    public const string DefaultPeriod = "last-month";

    public KpiRequest Resolve(SemanticModel model, DateOnly today, AccountScope scope)
    {
        ArgumentNullException.ThrowIfNull(model);
        var request = new KpiRequest(ResolvePeriod(today), scope)
        {
            Metric = Metric is null ? null : model.Metric(Metric),
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
        var from = From is null ? throw new UsageLensException("--to needs --from") : ParseDate("--from", From);
        var to = To is null ? today.AddDays(1) : ParseDate("--to", To);
        return Querying.Period.Days(from, to);
    }

    private static DateOnly ParseDate(string option, string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageLensException($"{option} '{text}' is not a date in the form YYYY-MM-DD");
}
