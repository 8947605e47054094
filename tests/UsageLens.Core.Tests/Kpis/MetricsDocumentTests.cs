using UsageLens.Core.Kpis;

namespace UsageLens.Core.Tests.Kpis;

/// <summary>docs/metrics.md is written by hand; the catalogue says what it must cover.</summary>
public sealed class MetricsDocumentTests
{
    private static readonly string s_document = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "metrics.md"));

    [Fact]
    public void Every_kpi_of_the_catalogue_has_an_entry_naming_each_of_its_options()
    {
        Assert.All(KpiCatalog.All, k =>
        {
            var name = k.Definition.Name;
            Assert.True(s_document.Contains($"### `{name}`", StringComparison.Ordinal) || s_document.Contains($"| `{name}` |", StringComparison.Ordinal), $"docs/metrics.md has no entry for {name}");
            Assert.All(k.Definition.Options, o => Assert.Contains($"{o.Name}=", s_document, StringComparison.Ordinal));
        });
    }
}
