using System.CommandLine;
using UsageLens.Cli.Backtest;
using UsageLens.Cli.Output;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Demo;
using UsageLens.Insights;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens insights NAME ...</c>: computes one insight as of <c>--as-of</c> (default today) from
/// the data before that day; <c>--list</c> names the insights computed today with their options.
/// </summary>
internal static class InsightsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var name = new Argument<string?>("name") { Description = "The insight, for example anomalies or trend", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List the insights with their options" };
        var kpi = new Option<string?>("--kpi") { Description = "The KPI to follow (trend), or whose workspace-wide daily series to scan (anomalies)" };
        var metric = new Option<string?>("--metric") { Description = "Usage metric, for example api_call (anomalies default: every meter)" };
        var by = new Option<string?>("--by") { Description = "Comparison: the dimension whose values to compare, for example segment" };
        var grain = new Option<string?>("--grain") { Description = "Trend by day, week, month or quarter (default month)" };
        var period = new Option<string?>("--period") { Description = "Trend period before --as-of, for example last-6-months (the default)" };
        var top = new Option<string?>("--top") { Description = "Trend or comparison of top-customer-share: the top accounts, for example 20% or 10 (the KPI's default: 20%)" };
        var rankBy = new Option<string?>("--rank-by") { Description = "Trend or comparison of top-customer-share: what ranks the accounts, for example revenue or usage" };
        var where = new Option<string[]>("--where") { Description = "Filter, for example segment=enterprise" };
        var partner = new Option<string?>("--partner") { Description = "Scope to one channel partner's accounts" };
        var option = new Option<string[]>("--option", "-o") { Description = "An insight's own option as name=value (see insights --list), for example threshold=6" };
        var sql = new Option<bool>("--sql") { Description = "Also print the SQL that ran" };
        var backtest = new Option<bool>("--backtest") { Description = "Score the insights against a demo workspace's known storylines (anomalies, churners, expanders, trials): precision and recall of each" };
        var accounts = new Option<int>("--accounts") { Description = "With --backtest: demo accounts", DefaultValueFactory = _ => 240 };
        var days = new Option<int>("--days") { Description = "With --backtest: demo days of history", DefaultValueFactory = _ => 240 };
        var seed = new Option<int>("--seed") { Description = "With --backtest: the demo's seed", DefaultValueFactory = _ => 7 };

        var command = new Command("insights", "Compute an insight (insights --list names them all), or backtest them on the demo") { name, list, kpi, metric, by, grain, period, top, rankBy, where, partner, option, sql, backtest, accounts, days, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CommonOptions.Format);
            if (parse.GetValue(list))
            {
                WriteList(environment, format);
                return CliApplication.Success;
            }
            if (parse.GetValue(backtest))
            {
                var options = new DemoOptions(CommonOptions.Today(parse, environment.Clock), parse.GetValue(accounts), parse.GetValue(days), parse.GetValue(seed));
                options.Validate();
                var lines = await new DemoBacktest(options, ConfigurationFile.DemoDefault(DemoProfile.Saas)).RunAsync(cancellationToken).ConfigureAwait(false);
                BacktestOutput.Write(environment, format, lines);
                return CliApplication.Success;
            }
            if (parse.GetValue(name) is not { } insightName)
            {
                await environment.Error.WriteLineAsync("error: name an insight, or use --list to see them all").ConfigureAwait(false);
                return CliApplication.BadUsage;
            }
            var insight = InsightRegistry.Find(insightName);
            var scope = parse.GetValue(partner) is { } partnerId ? AccountScope.Partner(partnerId) : AccountScope.All;
            var request = new InsightRequest(CommonOptions.Today(parse, environment.Clock), scope)
            {
                Kpi = parse.GetValue(kpi),
                Metric = parse.GetValue(metric),
                Dimension = parse.GetValue(by),
                Grain = parse.GetValue(grain),
                Period = parse.GetValue(period),
                Top = parse.GetValue(top),
                RankBy = parse.GetValue(rankBy),
                Where = parse.GetValue(where) ?? [],
            }.WithOptions(parse.GetValue(option) ?? [], insight);
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            var context = await KpiContext.CreateAsync(workspace.Queries, cancellationToken, CommonOptions.Configuration(parse)).ConfigureAwait(false);
            var result = await insight.ComputeAsync(request, context, cancellationToken).ConfigureAwait(false);
            Write(environment, format, result, parse.GetValue(sql));
            return CliApplication.Success;
        });
        return command;
    }

    private static void Write(CliEnvironment environment, OutputFormat format, InsightResult result, bool includeSql)
    {
        switch (format)
        {
            case OutputFormat.Json:
                environment.Out.WriteLine(InsightJson.Serialize(includeSql ? result : result with { Sql = [] }));
                break;
            case OutputFormat.Csv:
                InsightCsv.Write(environment.Out, result);
                break;
            default:
                InsightOutput.WriteTable(environment.Console, result, includeSql);
                break;
        }
    }

    private static void WriteList(CliEnvironment environment, OutputFormat format)
    {
        foreach (var insight in InsightRegistry.All)
        {
            var options = string.Join("; ", insight.Options.Select(o => $"{o.Name}: {o.Description}"));
            environment.Out.WriteLine(format switch
            {
                OutputFormat.Json => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["insight"] = insight.Definition.Name,
                    ["title"] = insight.Definition.Title,
                    ["description"] = insight.Definition.Description,
                    ["options"] = insight.Options.ToDictionary(o => o.Name, o => o.Description),
                }),
                OutputFormat.Csv => KpiCsv.Line([insight.Definition.Name, insight.Definition.Title, insight.Definition.Description, options]),
                _ => $"{insight.Definition.Name}: {insight.Definition.Description}{(options.Length == 0 ? "" : $" (options: {options})")}",
            });
        }
    }
}
