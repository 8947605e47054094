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
        name.CompletionSources.Add(KpiCatalog.All.Select(k => k.Definition.Name).ToArray());
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && value.StartsWith('-'))
            {
                result.AddError($"unknown option '{value}'");
            }
        });
        var list = new Option<bool>("--list") { Description = "List every KPI with its formula" };
        var parameters = new KpiParameterOptions();
        var partner = new Option<string?>("--partner") { Description = "Scope to one channel partner's accounts" };
        var sql = new Option<bool>("--sql") { Description = "Also print the SQL that ran" };
        var option = new Option<string[]>("--option", "-o") { Description = "A KPI's own option as name=value (see kpi --list), for example window=28" };

        var command = new Command("kpi", "Compute a KPI") { name, list };
        foreach (var parameter in parameters.Options)
        {
            command.Options.Add(parameter);
        }
        command.Options.Add(partner);
        command.Options.Add(sql);
        command.Options.Add(option);
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
            var arguments = parameters.Read(parse, parse.GetValue(option) ?? []);
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
