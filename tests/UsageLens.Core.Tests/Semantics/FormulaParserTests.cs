using UsageLens.Core.Semantics;
using UsageLens.Core.Semantics.Custom;

namespace UsageLens.Core.Tests.Semantics;

public sealed class FormulaParserTests
{
    private static readonly HashSet<string> s_none = [];

    private static double? Evaluate(string formula, IReadOnlyDictionary<string, double> values) =>
        FormulaReferences.Evaluate(FormulaParser.Parse(formula, s_none), leaf => leaf is FormulaTerm t ? values[t.Metric.ToString()] : null);

    [Fact]
    public void Multiplication_binds_tighter_than_addition_and_operators_of_one_level_go_left_to_right()
    {
        var values = new Dictionary<string, double>();

        Assert.Equal(14d, Evaluate("2 + 3 * 4", values));
        Assert.Equal(20d, Evaluate("(2 + 3) * 4", values));
        Assert.Equal(1d, Evaluate("8 / 4 / 2", values));
        Assert.Equal(5d, Evaluate("10 - 3 - 2", values));
        Assert.Equal(-1.5d, Evaluate("-(1 + 0.5)", values));
        Assert.Equal(4d, Evaluate("--4", values));
    }

    [Fact]
    public void Terms_use_the_usage_metric_syntax_and_a_bare_name_is_a_sum()
    {
        var node = FormulaParser.Parse("sum(defects) / units_produced * 100 + count(login) - users(login) + accounts( login )", s_none);

        Assert.Equal(
            [new UsageMetric("defects", Aggregation.Sum), new UsageMetric("units_produced", Aggregation.Sum), new UsageMetric("login", Aggregation.Count),
             new UsageMetric("login", Aggregation.Users), new UsageMetric("login", Aggregation.Accounts)],
            FormulaReferences.Terms(node));
    }

    [Fact]
    public void A_ratio_is_computed_from_the_terms_values()
    {
        var values = new Dictionary<string, double> { ["defects"] = 3, ["units_produced"] = 120 };

        Assert.Equal(2.5d, Evaluate("sum(defects) / sum(units_produced) * 100", values));
    }

    [Fact]
    public void Division_by_zero_has_no_value_rather_than_infinity_or_nan()
    {
        var values = new Dictionary<string, double> { ["defects"] = 3, ["units_produced"] = 0 };

        Assert.Null(Evaluate("defects / units_produced", values));
        Assert.Null(Evaluate("0 / units_produced", values));
        Assert.Null(Evaluate("1 + defects / (units_produced * 2)", values));
    }

    [Fact]
    public void A_name_of_another_custom_metric_is_a_reference_to_it()
    {
        var node = FormulaParser.Parse("100 - defect_rate", new HashSet<string> { "defect_rate" });

        Assert.Equal(new FormulaBinary('-', new FormulaNumber(100), new FormulaReference("defect_rate")), node);
        Assert.Equal(["defect_rate"], FormulaReferences.CustomMetrics(node));
    }

    [Theory]
    [InlineData("sum(defects) / ", "position 16: the formula ends where a number, a metric or '(' should be")]
    [InlineData("(a + b", "position 7: expected ')'")]
    [InlineData("a + * b", "position 5: expected a number, a metric or '(' but found '*'")]
    [InlineData("avg(a)", "position 1: 'avg' is not an aggregation: use sum, count, users or accounts")]
    [InlineData("sum(a", "position 6: expected ')' after sum(a")]
    [InlineData("sum()", "position 5: expected an event name inside sum(...)")]
    [InlineData("a b", "position 3: unexpected 'b' after a complete formula")]
    [InlineData("1.2.3", "position 1: '1.2.3' is not a number")]
    [InlineData("", "position 1: the formula ends where a number, a metric or '(' should be")]
    public void Malformed_formulas_are_refused_with_the_position(string formula, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => FormulaParser.Parse(formula, s_none));

        Assert.Equal(message, error.Message);
    }
}
