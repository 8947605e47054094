using System.CommandLine;
using UsageLens.Alerts;
using UsageLens.Cli.Output;
using UsageLens.Core;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens alerts run</c> evaluates the configuration's alert rules now (or one with <c>--rule</c>) and
/// delivers what fires; <c>--dry-run</c> prints what would fire and changes nothing. <c>usagelens alerts log</c>
/// prints the delivery log. <c>serve</c> evaluates the same rules on their schedules.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("alerts", "Evaluate alert rules and deliver them to webhooks, or show the delivery log") { AlertLogFile.Option };
        command.Subcommands.Add(Run(environment));
        command.Subcommands.Add(Log(environment));
        return command;
    }

    private static Command Run(CliEnvironment environment)
    {
        var rule = new Option<string?>("--rule") { Description = "Evaluate only this rule (even when it is disabled)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would fire; deliver nothing and record nothing" };
        var command = new Command("run", "Evaluate every enabled rule now (as of --as-of, default today) and deliver what fires") { rule, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CommonOptions.Configuration(parse);
            var rules = Select(configuration.Alerts, parse.GetValue(rule), configuration.Source);
            var asOf = CommonOptions.Today(parse, environment.Clock);
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            using var client = WebhookSender.CreateClient();
            var runner = new AlertRunner(new AlertLog(AlertLogFile.Path(parse)), new WebhookSender(client, WebhookRetry.Default, environment.Clock), environment.Clock);
            var runs = new List<AlertRuleRun>();
            var errors = new List<string>();
            foreach (var each in rules)
            {
                // One rule's mistake (say, a metric the workspace lacks) does not keep the others from running.
                try
                {
                    var context = await KpiContext.CreateAsync(workspace.Queries, cancellationToken, configuration).ConfigureAwait(false);
                    runs.Add(await runner.RunAsync(each, context, asOf, parse.GetValue(dryRun), cancellationToken).ConfigureAwait(false));
                }
                catch (UsageLensException ex)
                {
                    errors.Add($"alerts.{each.Name}: {ex.Message}");
                }
            }
            AlertOutput.WriteRuns(environment, parse.GetValue(CommonOptions.Format), runs, parse.GetValue(dryRun));
            foreach (var error in errors)
            {
                await environment.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            }
            var failed = runs.SelectMany(r => r.Deliveries).Any(d => d.Status != AlertDelivery.Delivered);
            return errors.Count > 0 || failed ? CliApplication.BadInput : CliApplication.Success;
        });
        return command;
    }

    private static Command Log(CliEnvironment environment)
    {
        var rule = new Option<string?>("--rule") { Description = "Only this rule's deliveries" };
        var limit = new Option<int>("--limit") { Description = "The most recent deliveries to show", DefaultValueFactory = _ => 50 };
        var command = new Command("log", "The delivery log: rule, firing key, target, attempts, status, error and time, newest last") { rule, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(limit) < 1)
            {
                throw new UsageLensException("--limit must be at least 1");
            }
            var deliveries = await new AlertLog(AlertLogFile.Path(parse)).DeliveriesAsync(cancellationToken).ConfigureAwait(false);
            var selected = deliveries.Where(d => parse.GetValue(rule) is not { } name || d.Rule == name).TakeLast(parse.GetValue(limit)).ToList();
            AlertOutput.WriteLog(environment, parse.GetValue(CommonOptions.Format), selected);
            return CliApplication.Success;
        });
        return command;
    }

    private static IReadOnlyList<AlertRule> Select(IReadOnlyList<AlertRule> rules, string? name, string? source)
    {
        if (rules.Count == 0)
        {
            throw new UsageLensException($"{source ?? "the workspace configuration"}: no alert rules; add an alerts section (see docs/insights.md, Alerts)");
        }
        if (name is null)
        {
            return rules.Where(r => r.Enabled).ToList();
        }
        return rules.FirstOrDefault(r => r.Name == name) is { } rule
            ? [rule]
            : throw new UsageLensException($"--rule: no alert rule '{name}'{NearestNames.Hint(name, rules.Select(r => r.Name))}; the rules are {string.Join(", ", rules.Select(r => r.Name))}");
    }
}
