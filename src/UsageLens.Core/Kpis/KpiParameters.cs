using System.Globalization;

namespace UsageLens.Core.Kpis;

/// <summary>
/// The parameters every KPI takes and how their values become <see cref="KpiArguments"/>: the one
/// mapping the CLI's options, the HTTP query string and the OpenAPI document are made from. Anything
/// else a caller passes is one of the KPI's own options (<see cref="KpiDefinition.Options"/>).
/// </summary>
public static class KpiParameters
{
    public static KpiParameter Metric { get; } = new("metric", "Usage metric: api_call, count(api_call), users(login), accounts(export), or a custom metric from the configuration file");

    public static KpiParameter From { get; } = new("from", "Start date, included (YYYY-MM-DD)", KpiParameterKind.Date);

    public static KpiParameter To { get; } = new("to", "End date, excluded (YYYY-MM-DD)", KpiParameterKind.Date);

    public static KpiParameter Period { get; } = new("period", $"last-month, this-month, last-30-days, last-quarter, ytd, ... (default {KpiArguments.DefaultPeriod})");

    public static KpiParameter Grain { get; } = new("grain", "Trend by day, week, month or quarter");

    public static KpiParameter GroupBy { get; } = new("group-by", "Break down by a dimension (segment, plan, region, partner_id, account.X, properties.X)", Repeatable: true);

    public static KpiParameter Where { get; } = new("where", "Filter, for example segment=enterprise, revenue>=100000, plan!=trial", Repeatable: true);

    public static KpiParameter Top { get; } = new("top", "Top accounts: a percentage (20%) or a count (50)");

    public static KpiParameter TopWhere { get; } = new("top-where", "Define the top accounts by a filter instead, for example strategic=true", Repeatable: true);

    public static KpiParameter RankBy { get; } = new("rank-by", "Rank accounts by revenue, contract_value, cltv, mrr or a usage metric");

    public static KpiParameter Variant { get; } = new("variant", "A formula variant, for example revenue-weighted");

    public static KpiParameter Previous { get; } = new("previous", "The comparison with the previous period (on by default)", KpiParameterKind.Switch) { Default = true };

    /// <summary>Every common parameter, in the order help and documents list them.</summary>
    public static IReadOnlyList<KpiParameter> All { get; } = [Metric, From, To, Period, Grain, GroupBy, Where, Top, TopWhere, RankBy, Variant, Previous];

    /// <summary>
    /// The arguments from the values given for each parameter (none when it is absent) and the KPI's
    /// own options as <c>name=value</c>. A single-valued parameter given twice, or a switch that is
    /// neither true nor false, is refused by name.
    /// </summary>
    public static KpiArguments Read(Func<KpiParameter, IReadOnlyList<string>> values, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(options);
        string? One(KpiParameter parameter) => Value(parameter, values(parameter));
        return new KpiArguments
        {
            Metric = One(Metric),
            From = One(From),
            To = One(To),
            Period = One(Period),
            Grain = One(Grain),
            GroupBy = values(GroupBy),
            Where = values(Where),
            Top = One(Top),
            TopWhere = values(TopWhere),
            RankBy = One(RankBy),
            Variant = One(Variant),
            ComparePrevious = Switch(Previous, values(Previous)),
            Options = options,
        };
    }

    /// <summary>Whether a switch is on: its default unless given as <c>true</c> or <c>false</c>.</summary>
    public static bool Switch(KpiParameter parameter, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Value(parameter, values) switch
        {
            null => parameter.Default,
            var text when bool.TryParse(text, out var on) => on,
            var text => throw new UsageLensException($"{parameter.Name} must be true or false, not '{text}'"),
        };
    }

    /// <summary>The one value of a single-valued parameter, or null when it is absent; refused when given more than once.</summary>
    public static string? Value(KpiParameter parameter, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(values);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new UsageLensException($"{parameter.Name} is given {values.Count.ToString(CultureInfo.InvariantCulture)} times; give it once"),
        };
    }
}
