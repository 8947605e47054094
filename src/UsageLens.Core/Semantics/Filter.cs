namespace UsageLens.Core.Semantics;

/// <summary>A condition on a dimension, such as <c>segment=enterprise</c> or <c>revenue&gt;=100000</c>. Values are typed by <see cref="Dimension.Kind"/>.</summary>
public sealed record Filter(Dimension Dimension, FilterOperator Operator, IReadOnlyList<object> Values)
{
    public override string ToString()
    {
        var op = Operator switch
        {
            FilterOperator.In => "=",
            FilterOperator.NotIn => "!=",
            FilterOperator.Less => "<",
            FilterOperator.LessOrEqual => "<=",
            FilterOperator.Greater => ">",
            _ => ">=",
        };
        return $"{Dimension.Name}{op}{string.Join(',', Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))}";
    }
}
