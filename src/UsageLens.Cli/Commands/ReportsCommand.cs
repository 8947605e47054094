using System.CommandLine;
using UsageLens.Alerts;
using UsageLens.Cli.Output;
using UsageLens.Core;
using UsageLens.Core.Configuration.Reports;
using UsageLens.Core.Kpis;
using UsageLens.Core.Reports;
using UsageLens.Core.Semantics;
using UsageLens.Reports;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens reports run [NAME]</c> renders the configuration's scheduled reports now (every enabled one, or the one
/// named) and delivers them; <c>usagelens reports list</c> shows each report's schedule, next run and last run.
/// <c>serve</c> runs the same reports on their schedules.
/// </summary>
internal static class ReportsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("reports", "Run scheduled PDF/CSV reports now and deliver them to their folder or webhook, or list them");
        command.Subcommands.Add(Run(environment));
        command.Subcommands.Add(List(environment));
        return command;
    }

    private static Command Run(CliEnvironment environment)
    {
        var name = new Argument<string?>("name") { Description = "Run only this report (even when it is disabled)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("run", "Render every enabled report now (as of --as-of, default today in its time zone) and deliver it") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CommonOptions.Configuration(parse);
            var reports = Select(configuration.Reports, parse.GetValue(name), configuration.Source);
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            using var client = WebhookSender.CreateClient();
            var runner = new ReportRunner(workspace.ReportRuns, new WebhookSender(client, WebhookRetry.Default, environment.Clock), environment.Clock);
            var runs = new List<ReportRun>();
            foreach (var report in reports)
            {
                var asOf = parse.GetValue(CommonOptions.AsOf) is null ? ReportSchedule.AsOf(report, environment.Clock.GetUtcNow()) : CommonOptions.Today(parse, environment.Clock);
                var context = await KpiContext.CreateAsync(workspace.Queries, cancellationToken, configuration).ConfigureAwait(false);
                runs.Add(await runner.RunAsync(report, context, asOf, cancellationToken).ConfigureAwait(false));
            }
            ReportOutput.WriteRuns(environment, parse.GetValue(CommonOptions.Format), runs);
            return runs.All(r => r.Status == ReportDelivery.Delivered) ? CliApplication.Success : CliApplication.BadInput;
        });
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var command = new Command("list", "Each report: kind, partner, schedule and time zone, next run, where it goes and its last run");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CommonOptions.Configuration(parse);
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            var runs = await workspace.ReportRuns.ListAsync(cancellationToken).ConfigureAwait(false);
            ReportOutput.WriteList(environment, parse.GetValue(CommonOptions.Format), configuration.Reports, runs, environment.Clock.GetUtcNow());
            return CliApplication.Success;
        });
        return command;
    }

    private static IReadOnlyList<ScheduledReport> Select(IReadOnlyList<ScheduledReport> reports, string? name, string? source)
    {
        if (reports.Count == 0)
        {
            throw new UsageLensException($"{source ?? "the workspace configuration"}: no scheduled reports; add a reports section (see README, Scheduled reports)");
        }
        if (name is null)
        {
            return [.. reports.Where(r => r.Enabled)];
        }
        return reports.FirstOrDefault(r => r.Name == name) is { } report
            ? [report]
            : throw new UsageLensException($"no report '{name}'{NearestNames.Hint(name, reports.Select(r => r.Name))}; the reports are {string.Join(", ", reports.Select(r => r.Name))}");
    }
}
