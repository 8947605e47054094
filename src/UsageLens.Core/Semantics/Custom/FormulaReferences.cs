namespace UsageLens.Core.Semantics.Custom;

/// <summary>What a formula refers to: the usage metrics it reads and the custom metrics it uses.</summary>
public static class FormulaReferences
{
    public static IEnumerable<UsageMetric> Terms(FormulaNode node) => node switch
    {
        FormulaTerm term => [term.Metric],
        FormulaBinary binary => Terms(binary.Left).Concat(Terms(binary.Right)),
        FormulaNegation negation => Terms(negation.Operand),
        _ => [],
    };

    public static IEnumerable<string> CustomMetrics(FormulaNode node) => node switch
    {
        FormulaReference reference => [reference.Name],
        FormulaBinary binary => CustomMetrics(binary.Left).Concat(CustomMetrics(binary.Right)),
        FormulaNegation negation => CustomMetrics(negation.Operand),
        _ => [],
    };

    /// <summary>
    /// The value of <paramref name="node"/> given each leaf's value; null when a leaf has none or a
    /// divisor is zero, so a ratio over nothing is "no value" rather than infinity or NaN.
    /// </summary>
    public static double? Evaluate(FormulaNode node, Func<FormulaNode, double?> leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        switch (node)
        {
            case FormulaNumber number:
                return number.Value;
            case FormulaNegation negation:
                return -Evaluate(negation.Operand, leaf);
            case FormulaBinary binary:
                var left = Evaluate(binary.Left, leaf);
                var right = Evaluate(binary.Right, leaf);
                if (left is not { } l || right is not { } r)
                {
                    return null;
                }
                return binary.Operator switch
                {
                    '+' => l + r,
                    '-' => l - r,
                    '*' => l * r,
                    _ => r == 0 ? null : l / r,
                };
            default:
                return leaf(node);
        }
    }
}
