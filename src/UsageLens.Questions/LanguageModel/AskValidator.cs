using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Questions.Answers;

namespace UsageLens.Questions.LanguageModel;

/// <summary>
/// Checks asks that did not come from the offline parser (a language model's) against the semantic
/// layer before anything runs: a known KPI or insight kind, a metered metric, known dimensions and
/// values that the data holds, and no text that looks like SQL anywhere.
/// </summary>
public sealed class AskValidator(WorkspaceValues values, AskRunner planner)
{
    private static readonly string[] s_sqlMarkers = [";", "--", "/*", "*/", "select ", "drop ", "insert ", "delete ", "update ", "union ", " from "];

    public void Check(IReadOnlyList<QueryAsk> asks)
    {
        ArgumentNullException.ThrowIfNull(asks);
        if (asks.Count == 0)
        {
            throw new UsageLensException("the language model returned no asks");
        }
        foreach (var ask in asks)
        {
            Check(ask);
        }
    }

    private void Check(QueryAsk ask)
    {
        foreach (var text in Texts(ask))
        {
            if (s_sqlMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                throw new UsageLensException($"the language model's answer was refused: '{text}' looks like SQL, and only the structured query is accepted");
            }
        }
        if ((ask.Kpi is null) == (ask.Insight is null))
        {
            throw new UsageLensException("the language model's ask must name exactly one of kpi and insight");
        }
        if (ask.Insight is { } insight && !InsightCatalog.All.Any(i => i.Name == insight))
        {
            throw new UsageLensException($"the language model named an unknown insight '{insight}'; known: {string.Join(", ", InsightCatalog.All.Select(i => i.Name))}");
        }
        if (ask.Kpi is { } kpi)
        {
            KpiCatalog.Find(kpi);
            if (ask.From is null || ask.To is null)
            {
                throw new UsageLensException("the language model's ask must give explicit from and to dates");
            }
        }
        foreach (var filter in ask.Where.Concat(ask.TopWhere))
        {
            CheckValue(filter);
        }
        // Resolving through KpiArguments refuses an unknown metric, dimension, grain, ranking or option.
        planner.Plan(ask);
    }

    private void CheckValue(string filter)
    {
        var equals = filter.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return;
        }
        var dimension = filter[..equals].TrimEnd('!');
        var value = filter[(equals + 1)..];
        var known = dimension == "partner_id" ? values.Partners.Select(p => p.Id).ToList() : values.ByDimension.GetValueOrDefault(dimension)?.ToList();
        if (known is not null && !known.Contains(value))
        {
            throw new UsageLensException($"the language model named '{value}', which is not a {dimension} in this workspace");
        }
    }

    private static IEnumerable<string> Texts(QueryAsk ask) =>
        new[] { ask.Kpi, ask.Insight, ask.Metric, ask.Grain, ask.Top, ask.Bottom, ask.RankBy, ask.Variant }.OfType<string>()
            .Concat(ask.GroupBy).Concat(ask.Where).Concat(ask.TopWhere).Concat(ask.Options);
}
