using UsageLens.Core.Kpis;

namespace UsageLens.Core.Tests.Kpis;

public sealed class KpiParametersTests
{
    private static Func<KpiParameter, IReadOnlyList<string>> Given(Dictionary<string, string[]> values) =>
        p => values.TryGetValue(p.Name, out var v) ? v : [];

    [Fact]
    public void The_common_parameters_are_those_the_cli_and_the_http_api_took()
    {
        Assert.Equal(
            ["metric", "from", "to", "period", "grain", "group-by", "where", "top", "top-where", "rank-by", "variant", "previous"],
            KpiParameters.All.Select(p => p.Name));
        Assert.Equal(["group-by", "where", "top-where"], KpiParameters.All.Where(p => p.Repeatable).Select(p => p.Name));
        Assert.Equal(["from", "to"], KpiParameters.All.Where(p => p.Kind == KpiParameterKind.Date).Select(p => p.Name));
    }

    [Fact]
    public void Each_parameter_lands_in_its_own_argument()
    {
        var arguments = KpiParameters.Read(
            Given(new()
            {
                ["metric"] = ["api_call"], ["from"] = ["2026-10-01"], ["to"] = ["2026-11-01"], ["period"] = ["ytd"], ["grain"] = ["week"],
                ["group-by"] = ["segment", "plan"], ["where"] = ["region=EMEA"], ["top"] = ["20%"], ["top-where"] = ["strategic=true"],
                ["rank-by"] = ["mrr"], ["variant"] = ["net"], ["previous"] = ["false"],
            }),
            ["window=28"]);

        Assert.Equal(
            new KpiArguments
            {
                Metric = "api_call", From = "2026-10-01", To = "2026-11-01", Period = "ytd", Grain = "week", Top = "20%", RankBy = "mrr", Variant = "net",
                ComparePrevious = false,
            },
            arguments with { GroupBy = [], Where = [], TopWhere = [], Options = [] });
        Assert.Equal(["segment", "plan"], arguments.GroupBy);
        Assert.Equal(["region=EMEA"], arguments.Where);
        Assert.Equal(["strategic=true"], arguments.TopWhere);
        Assert.Equal(["window=28"], arguments.Options);
    }

    [Fact]
    public void Nothing_given_is_the_defaults()
    {
        var arguments = KpiParameters.Read(_ => [], []);

        Assert.Null(arguments.Metric);
        Assert.Null(arguments.Period);
        Assert.Empty(arguments.GroupBy);
        Assert.True(arguments.ComparePrevious);
    }

    [Fact]
    public void A_single_valued_parameter_given_twice_is_refused_by_name()
    {
        var error = Assert.Throws<UsageLensException>(() => KpiParameters.Read(Given(new() { ["metric"] = ["api_call", "export"] }), []));

        Assert.Equal("metric is given 2 times; give it once", error.Message);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("true", true)]
    public void A_switch_reads_true_or_false(string given, bool expected)
    {
        Assert.Equal(expected, KpiParameters.Switch(KpiParameters.Previous, [given]));
    }

    [Fact]
    public void A_switch_that_is_neither_true_nor_false_is_refused_by_name()
    {
        var error = Assert.Throws<UsageLensException>(() => KpiParameters.Switch(KpiParameters.Previous, ["no"]));

        Assert.Equal("previous must be true or false, not 'no'", error.Message);
    }
}
