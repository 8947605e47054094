using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis;

/// <summary>Which accounts count as "top": the first X% or K of a ranking, or the accounts matching filters (<c>strategic=true</c>).</summary>
public sealed record TopSelection
{
    private TopSelection(double? percent, int? count, IReadOnlyList<Filter>? matching)
    {
        Percent = percent;
        Count = count;
        Matching = matching;
    }

    public double? Percent { get; }

    public int? Count { get; }

    public IReadOnlyList<Filter>? Matching { get; }

    public static TopSelection OfPercent(double percent) =>
        percent is > 0 and <= 100 ? new(percent, null, null) : throw new UsageLensException($"--top {percent}% must be above 0% and at most 100%");

    public static TopSelection OfCount(int count) =>
        count > 0 ? new(null, count, null) : throw new UsageLensException($"--top {count} must be at least 1");

    public static TopSelection Where(IReadOnlyList<Filter> filters) => new(null, null, filters);

    /// <summary>Parses <c>20%</c> or <c>50</c>.</summary>
    public static TopSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (trimmed.EndsWith('%') && double.TryParse(trimmed[..^1], System.Globalization.NumberStyles.Float, culture, out var percent))
        {
            return OfPercent(percent);
        }
        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, culture, out var count))
        {
            return OfCount(count);
        }
        throw new UsageLensException($"--top '{text}' must be a percentage such as 20% or a count such as 50");
    }

    public override string ToString() =>
        Percent is { } p ? $"top {p.ToString(System.Globalization.CultureInfo.InvariantCulture)}%"
        : Count is { } k ? $"top {k}"
        : $"accounts where {string.Join(" and ", Matching!)}";
}
