using UsageLens.Core.Kpis;

namespace UsageLens.Core.Tests.Kpis;

/// <summary>The catalogue is the one place a KPI's metadata lives, so it has to be complete and consistent.</summary>
public sealed class KpiCatalogTests
{
    [Fact]
    public void Every_kpi_has_synonyms_and_is_named_by_its_own_name()
    {
        Assert.All(KpiCatalog.All, k =>
        {
            Assert.NotEmpty(k.Definition.Synonyms);
            Assert.Contains(k.Definition.Synonyms, s => s.Phrase == k.Definition.Name && s.Option is null && s.Variant is null);
        });
    }

    [Fact]
    public void No_phrase_names_two_kpis()
    {
        var clashes = KpiCatalog.All
            .SelectMany(k => k.Definition.Synonyms.Select(s => (s.Phrase, k.Definition.Name)))
            .Distinct()
            .GroupBy(p => p.Phrase, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(p => p.Name).Distinct().Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(clashes);
    }

    [Fact]
    public void A_synonym_with_an_option_names_one_of_the_kpis_own_options()
    {
        var withOptions = KpiCatalog.All.SelectMany(k => k.Definition.Synonyms.Where(s => s.Option is not null).Select(s => (k.Definition, s.Option!))).ToList();

        Assert.Equal(6, withOptions.Count);
        Assert.All(withOptions, p => Assert.Contains(p.Definition.Options, o => o.Name == p.Item2[..p.Item2.IndexOf('=', StringComparison.Ordinal)]));
    }

    [Fact]
    public void The_metric_roles_are_those_the_questions_relied_on()
    {
        // Written out from what AskBuilder hard-coded before the catalogue held it.
        var measured = KpiCatalog.All.Where(k => k.Definition.MetricRole.Use == KpiMetricUse.Measured).Select(k => k.Definition.Name).Order(StringComparer.Ordinal);
        var asOption = KpiCatalog.All.Where(k => k.Definition.MetricRole.Use == KpiMetricUse.Option).Select(k => (k.Definition.Name, k.Definition.MetricRole.Option));

        Assert.Equal(["concentration", "top-customer-share", "usage", "usage-charges"], measured);
        Assert.Equal([("feature-adoption", (string?)"feature")], asOption);
    }

    [Fact]
    public void A_kpi_that_requires_a_metric_measures_it_and_an_option_role_names_an_option()
    {
        Assert.All(KpiCatalog.All.Where(k => k.Definition.RequiresMetric), k => Assert.Equal(KpiMetricUse.Measured, k.Definition.MetricRole.Use));
        Assert.All(
            KpiCatalog.All.Where(k => k.Definition.MetricRole.Use == KpiMetricUse.Option),
            k => Assert.Contains(k.Definition.Options, o => o.Name == k.Definition.MetricRole.Option));
    }

    [Fact]
    public void Kpis_whose_single_answer_is_a_list_of_rows_are_not_drawn_as_a_number()
    {
        var charts = KpiCatalog.All.Where(k => k.Definition.Chart != KpiChart.Number).ToDictionary(k => k.Definition.Name, k => k.Definition.Chart);

        Assert.Equal(
            new Dictionary<string, KpiChart>
            {
                ["concentration"] = KpiChart.Table,
                ["stickiness-distribution"] = KpiChart.Bar,
                ["retention"] = KpiChart.Table,
                ["usage-charges"] = KpiChart.Table,
            },
            charts);
    }
}
