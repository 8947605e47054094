using System.CommandLine;
using UsageLens.Cli.Output;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Cli.Commands;

/// <summary><c>usagelens kpi NAME ...</c>: computes one KPI; <c>--list</c> names them all with their formulas.</summary>
internal static class KpiCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var name = new Argument<string?>("name") { Description = "The KPI, for example top-customer-share", Arity = ArgumentArity.ZeroOrOne };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && value.StartsWith('-'))
            {
                result.AddError($"unknown option '{value}'");
            }
        });
        var list = new Option<bool>("--list") { Description = "List every KPI with its formula" };
        var metric = new Option<string?>("--metric") { Description = "Usage metric: api_call, count(api_call), users(login), accounts(export), or a custom metric from the configuration file" };
        var from = new Option<string?>("--from") { Description = "Start date, included (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "End date, excluded (YYYY-MM-DD)" };
        var period = new Option<string?>("--period") { Description = "last-month, this-month, last-30-days, last-quarter, ytd, ... (default last-month)" };
        var grain = new Option<string?>("--grain") { Description = "Trend by day, week, month or quarter" };
        var groupBy = new Option<string[]>("--group-by") { Description = "Break down by a dimension (segment, plan, region, partner_id, account.X, properties.X)", AllowMultipleArgumentsPerToken = false };
        var where = new Option<string[]>("--where") { Description = "Filter, for example segment=enterprise, revenue>=100000, plan!=trial" };
        var top = new Option<string?>("--top") { Description = "Top accounts: a percentage (20%) or a count (50)" };
        var topWhere = new Option<string[]>("--top-where") { Description = "Define the top accounts by a filter instead, for example strategic=true" };
        var rankBy = new Option<string?>("--rank-by") { Description = "Rank accounts by revenue, contract_value, cltv, mrr or a usage metric" };
        var variant = new Option<string?>("--variant") { Description = "A formula variant, for example revenue-weighted" };
        var partner = new Option<string?>("--partner") { Description = "Scope to one channel partner's accounts" };
        var noPrevious = new Option<bool>("--no-previous") { Description = "Skip the comparison with the previous period" };
        var sql = new Option<bool>("--sql") { Description = "Also print the SQL that ran" };
        var option = new Option<string[]>("--option", "-o") { Description = "A KPI's own option as name=value (see kpi --list), for example window=28" };

        var command = new Command("kpi", "Compute a KPI") { name, list, metric, from, to, period, grain, groupBy, where, top, topWhere, rankBy, variant, partner, noPrevious, sql, option };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CommonOptions.Format);
            if (parse.GetValue(list))
            {
                KpiOutput.WriteList(environment, format, CommonOptions.Configuration(parse));
                return CliApplication.Success;
            }
            var kpiName = parse.GetValue(name);
            if (kpiName is null)
            {
                await environment.Error.WriteLineAsync("error: name a KPI, or use --list to see them all").ConfigureAwait(false);
                return CliApplication.BadUsage;
            }
            var kpi = KpiCatalog.Find(kpiName);
            var arguments = new KpiArguments
            {
                Metric = parse.GetValue(metric),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Period = parse.GetValue(period),
                Grain = parse.GetValue(grain),
                GroupBy = parse.GetValue(groupBy) ?? [],
                Where = parse.GetValue(where) ?? [],
                Top = parse.GetValue(top),
                TopWhere = parse.GetValue(topWhere) ?? [],
                RankBy = parse.GetValue(rankBy),
                Variant = parse.GetValue(variant),
                ComparePrevious = !parse.GetValue(noPrevious),
                Options = parse.GetValue(option) ?? [],
            };
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            var context = await KpiContext.CreateAsync(workspace.Queries, cancellationToken, CommonOptions.Configuration(parse)).ConfigureAwait(false);
            var scope = parse.GetValue(partner) is { } partnerId ? AccountScope.Partner(partnerId) : AccountScope.All;
            var request = arguments.Resolve(kpi.Definition, context.Model, CommonOptions.Today(parse, environment.Clock), scope);
            var result = await kpi.ComputeAsync(request, context, cancellationToken).ConfigureAwait(false);
            KpiOutput.Write(environment, format, kpi.Definition, result, parse.GetValue(sql));
            return CliApplication.Success;
        });
        return command;
    }
}
