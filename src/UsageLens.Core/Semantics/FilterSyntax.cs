using System.Globalization;

namespace UsageLens.Core.Semantics;

/// <summary>Parses <c>dimension OP value[,value...]</c> with OP one of = != &lt; &lt;= &gt; &gt;=.</summary>
public static class FilterSyntax
{
    private static readonly (string Token, FilterOperator Operator)[] s_operators =
    [
        ("!=", FilterOperator.NotIn),
        (">=", FilterOperator.GreaterOrEqual),
        ("<=", FilterOperator.LessOrEqual),
        ("=", FilterOperator.In),
        (">", FilterOperator.Greater),
        ("<", FilterOperator.Less),
    ];

    public static Filter Parse(string text, SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        var (position, token, op) = s_operators
            .Select(o => (Position: text.IndexOf(o.Token, StringComparison.Ordinal), o.Token, o.Operator))
            .Where(o => o.Position > 0)
            .OrderBy(o => o.Position)
            .ThenByDescending(o => o.Token.Length)
            .FirstOrDefault();
        if (token is null)
        {
            throw new UsageLensException($"filter '{text}' must look like dimension=value (or !=, <, <=, >, >=)");
        }
        var dimension = model.Dimension(text[..position]);
        var rawValues = text[(position + token.Length)..].Split(',', StringSplitOptions.TrimEntries);
        if (rawValues.Any(v => v.Length == 0))
        {
            throw new UsageLensException($"filter '{text}' has an empty value");
        }
        var ordered = op is not (FilterOperator.In or FilterOperator.NotIn);
        if (ordered && rawValues.Length > 1)
        {
            throw new UsageLensException($"filter '{text}': {token} takes one value");
        }
        var kind = ordered && dimension.Kind == DimensionKind.Text && dimension.JsonKey is not null ? DimensionKind.Number : dimension.Kind;
        if (ordered && kind != DimensionKind.Number)
        {
            throw new UsageLensException($"filter '{text}': {dimension.Name} is not a number, so only = and != apply");
        }
        return new Filter(dimension, op, rawValues.Select(v => Typed(v, kind, text, dimension)).ToList());
    }

    private static object Typed(string value, DimensionKind kind, string text, Dimension dimension) => kind switch
    {
        DimensionKind.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => number,
        DimensionKind.Number => throw new UsageLensException($"filter '{text}': '{value}' is not a number, and {dimension.Name} is numeric"),
        DimensionKind.Boolean when bool.TryParse(value, out var flag) => flag,
        DimensionKind.Boolean => throw new UsageLensException($"filter '{text}': '{value}' is not true or false"),
        _ => value,
    };
}
