using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using UsageLens.Cli.Output;
using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Keys;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Server;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Commands;

/// <summary><c>usagelens demo</c>: builds a realistic workspace, prints the headline KPIs and serves the dashboard.</summary>
internal static class DemoCommand
{
    private const string ManufacturingMeter = "units_produced";

    public static Command Create(CliEnvironment environment)
    {
        var accounts = new Option<int>("--accounts") { Description = "Number of accounts", DefaultValueFactory = _ => 500 };
        var days = new Option<int>("--days") { Description = "Days of history, ending yesterday (or the day before --as-of)", DefaultValueFactory = _ => 180 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same workspace", DefaultValueFactory = _ => 42 };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after printing the KPIs" };
        var profile = new Option<string>("--profile") { Description = "saas (a B2B SaaS product) or manufacturing (factories and their machines)", DefaultValueFactory = _ => "saas" };
        var command = new Command("demo", "Create a realistic demo workspace, print the headline KPIs and serve the dashboard")
        {
            accounts, days, seed, profile, noServe, ServeCommand.Urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var today = CommonOptions.Today(parse, environment.Clock);
            var path = parse.GetValue(CommonOptions.Db)!;
            var options = new DemoOptions(today, parse.GetValue(accounts), parse.GetValue(days), parse.GetValue(seed), ParseProfile(parse.GetValue(profile)!));
            options.Validate();
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: false, cancellationToken).ConfigureAwait(false);
            if (await HoldsDataAsync(workspace.Queries, cancellationToken).ConfigureAwait(false))
            {
                await environment.Out.WriteLineAsync($"{workspace.Location} already holds data, so it is used as it is (delete it, or pass --db or --store, for a new demo).").ConfigureAwait(false);
            }
            else
            {
                await GenerateAsync(environment, WorkspaceStores.Engine(parse), workspace, options, cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(CommonOptions.Config) is null && ConfigurationFile.WriteDemoDefault(path, options.Profile) is { } written)
                {
                    await environment.Out.WriteLineAsync(options.Profile == DemoProfile.Manufacturing
                        ? $"Wrote the demo's custom metrics (uptime, defect_rate, energy_per_unit, ...) and rate plans to {written}."
                        : $"Wrote the demo's rate plans to {written} (used by usage-charges).").ConfigureAwait(false);
                }
            }
            var clock = new AsOfClock(today, environment.Clock);
            await PrintHeadlineAsync(environment, workspace.Queries, today, CommonOptions.Configuration(parse), parse.GetValue(CommonOptions.Format), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(noServe))
            {
                return CliApplication.Success;
            }
            var readKey = (await workspace.Keys.CreateAsync(ApiKeyRole.Analyst, null, cancellationToken).ConfigureAwait(false)).Key;
            var writeKey = (await workspace.Keys.CreateAsync(ApiKeyRole.Writer, null, cancellationToken).ConfigureAwait(false)).Key;
            await environment.Out.WriteLineAsync($"Write key for /v1/batch and /api/v1/events: {writeKey}").ConfigureAwait(false);
            await ServeCommand.RunAsync(environment with { Clock = clock }, workspace, new ServerOptions { Urls = parse.GetValue(ServeCommand.Urls)!, Configuration = CommonOptions.Configuration(parse), WarmDashboard = true }, readKey, cancellationToken).ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }

    // Another engine gets the demo the way any DuckDB workspace moves to it: written to DuckDB (in memory), then copied.
    private static async Task GenerateAsync(CliEnvironment environment, IWorkspaceEngine engine, IWorkspaceStore workspace, DemoOptions options, CancellationToken cancellationToken)
    {
        using var staging = DuckDbStaging.For(workspace);
        Generate(environment, staging.Workspace, options, cancellationToken);
        if (staging.Copy is { } copy)
        {
            await MigrationBar.RunAsync(environment, engine, copy, workspace, CopyMode.Migration, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> HoldsDataAsync(IQueryStore store, CancellationToken cancellationToken)
    {
        if ((await store.GetCatalogAsync(cancellationToken).ConfigureAwait(false)).MeterUnits.Count > 0)
        {
            return true;
        }
        var accounts = await store.QueryAsync(new SqlSelect(
            [new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Count, null), "accounts")],
            new SqlTable(WorkspaceTable.Accounts, "a")), cancellationToken).ConfigureAwait(false);
        return accounts[0].GetInt64("accounts") > 0;
    }

    private static void Generate(CliEnvironment environment, DuckDbWorkspace workspace, DemoOptions options, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var scenario = DemoScenario.Build(options);
        long written = 0;
        environment.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask($"Generating {options.Accounts:N0} accounts × {options.Days} days", maxValue: Math.Max(1, scenario.EventCount));
                written = new DemoWriter(workspace).Write(scenario, new InlineProgress<DemoProgress>(p => task.Value = p.Done), cancellationToken);
                task.Value = task.MaxValue;
            });
        watch.Stop();
        var machines = scenario.Machines.Count == 0 ? "" : $"{scenario.Machines.Count:N0} machines, ";
        environment.Out.WriteLine(
            $"Wrote {written:N0} events, {scenario.Accounts.Count:N0} accounts, {machines}{scenario.Users.Count:N0} users, {scenario.Subscriptions.Count:N0} subscription changes and {scenario.NpsAnswers.Count:N0} NPS answers "
            + $"from {options.StartDate:yyyy-MM-dd} to {options.EndDate:yyyy-MM-dd} in {watch.Elapsed.TotalSeconds:0.0} s ({written / Math.Max(0.001, watch.Elapsed.TotalSeconds):N0} events/s).");
    }

    /// <summary>Prints the headline KPIs as a table, or with <c>--format json|csv</c> one KPI result after another, as <c>kpi</c> prints them.</summary>
    private static async Task PrintHeadlineAsync(CliEnvironment environment, IQueryStore store, DateOnly today, WorkspaceConfiguration configuration, OutputFormat format, CancellationToken cancellationToken)
    {
        var rows = new List<(string Title, KpiResult Result, string Parts)>();
        // One read of the catalog serves every KPI; each gets its own context, which logs its own SQL.
        var model = new SemanticModel(await store.GetCatalogAsync(cancellationToken).ConfigureAwait(false));
        // The workspace decides the headline, so a manufacturing workspace reopened without --profile still gets its own.
        if (model.Catalog.MeterUnits.ContainsKey(ManufacturingMeter))
        {
            configuration = await ManufacturingConfigurationAsync(environment, configuration).ConfigureAwait(false);
            await AddManufacturingRowsAsync(rows, store, model, today, configuration, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AddSaasRowsAsync(rows, store, model, today, configuration, cancellationToken).ConfigureAwait(false);
        }
        if (format != OutputFormat.Table)
        {
            foreach (var (_, result, _) in rows)
            {
                KpiOutput.Write(environment, format, KpiCatalog.Find(result.Kpi).Definition, result, includeSql: false);
            }
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Headline KPIs[/]")
            .AddColumn("KPI").AddColumn("period").AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("previous").RightAligned()).AddColumn("parts");
        foreach (var (title, result, parts) in rows)
        {
            table.AddRow(Markup.Escape(title), Markup.Escape(result.Period.ToString()), Markup.Escape(KpiOutput.Number(result.Value, result.Unit)),
                Markup.Escape(KpiOutput.Number(result.Previous?.Value, result.Unit)), Markup.Escape(parts));
        }
        environment.Console.Write(table);
    }

    private static async Task AddSaasRowsAsync(List<(string Title, KpiResult Result, string Parts)> rows, IQueryStore store, SemanticModel model, DateOnly today, WorkspaceConfiguration configuration, CancellationToken cancellationToken)
    {
        KpiArguments[] headline =
        [
            new() { Metric = "api_call", Period = "last-30-days" },
            new() { Metric = "api_call", Period = "last-month", Top = "20%", RankBy = "revenue" },
            new() { Metric = "api_call", Period = "last-month", Top = "10", RankBy = "revenue" },
            new() { Metric = "accounts(api_call)", Period = "last-30-days" },
            new() { Metric = "users(login)", Period = "last-30-days" },
            new() { Metric = "data_processed", Period = "last-30-days" },
        ];
        foreach (var arguments in headline)
        {
            var context = new KpiContext(store, model, configuration);
            var kpi = KpiCatalog.Find(arguments.Top is null ? "usage" : "top-customer-share");
            var result = await kpi.ComputeAsync(arguments.Resolve(kpi.Definition, context.Model, today, AccountScope.All), context, cancellationToken).ConfigureAwait(false);
            var title = arguments.Top is null ? $"usage({result.Metric})" : $"share of {result.Metric} from the top {arguments.Top} by {arguments.RankBy}";
            var parts = arguments.Top is null ? "" : $"{Part(result, "top_usage")} of {Part(result, "total_usage")} from {Part(result, "top_accounts")} of {Part(result, "population")} accounts";
            rows.Add((title, result, parts));
        }
        await AddMoreRowsAsync(rows, store, model, today, configuration, [
            ("concentration", "Gini of api_call across accounts", new() { Metric = "api_call", Period = "last-month" }),
            ("nps", "NPS", new() { Period = "last-quarter" }),
            ("usage-charges", "usage charges", new() { Period = "last-month" }),
        ], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The seed's manufacturing metrics: machine uptime, production volume, material consumption, defect rate and energy per unit.</summary>
    private static async Task AddManufacturingRowsAsync(List<(string Title, KpiResult Result, string Parts)> rows, IQueryStore store, SemanticModel model, DateOnly today, WorkspaceConfiguration configuration, CancellationToken cancellationToken)
    {
        (string Title, string Metric)[] headline =
        [
            ("machine uptime", "uptime"),
            ("production volume", "units_produced"),
            ("material consumption", "material_kg"),
            ("defect rate", "defect_rate"),
            ("energy per unit", "energy_per_unit"),
            ("material per unit", "material_per_unit"),
        ];
        var usage = KpiCatalog.Find("usage");
        foreach (var (title, metric) in headline.Where(h => model.Catalog.MeterUnits.ContainsKey(h.Metric) || configuration.Metrics.ContainsKey(h.Metric)))
        {
            var context = new KpiContext(store, model, configuration);
            var arguments = new KpiArguments { Metric = metric, Period = "last-30-days" };
            var result = await usage.ComputeAsync(arguments.Resolve(usage.Definition, context.Model, today, AccountScope.All), context, cancellationToken).ConfigureAwait(false);
            rows.Add(($"{title} ({metric})", result, string.Join(", ", result.Parts.Select(p => $"{p.Name} {KpiOutput.Number(p.Value, null)}"))));
        }
        await AddMoreRowsAsync(rows, store, model, today, configuration, [
            ("concentration", "Gini of units_produced across factories", new() { Metric = "units_produced", Period = "last-month" }),
            ("nps", "NPS", new() { Period = "last-quarter" }),
            ("usage-charges", "usage charges", new() { Period = "last-month" }),
        ], cancellationToken).ConfigureAwait(false);
    }

    private static async Task AddMoreRowsAsync(
        List<(string Title, KpiResult Result, string Parts)> rows, IQueryStore store, SemanticModel model, DateOnly today, WorkspaceConfiguration configuration, (string Kpi, string Title, KpiArguments Arguments)[] more, CancellationToken cancellationToken)
    {
        foreach (var (name, title, arguments) in more.Where(m => m.Kpi != "usage-charges" || configuration.RatePlans.Count > 0))
        {
            var context = new KpiContext(store, model, configuration);
            var kpi = KpiCatalog.Find(name);
            var result = await kpi.ComputeAsync(arguments.Resolve(kpi.Definition, context.Model, today, AccountScope.All), context, cancellationToken).ConfigureAwait(false);
            rows.Add((title, result, string.Join(", ", result.Parts.Take(3).Select(p => $"{p.Name} {KpiOutput.Number(p.Value, null)}"))));
        }
    }

    /// <summary>
    /// The configuration the manufacturing headline is computed with: the workspace's own when it
    /// defines the demo's custom metrics, else the demo's (an older usagelens.yaml may sit beside the workspace).
    /// </summary>
    private static async Task<WorkspaceConfiguration> ManufacturingConfigurationAsync(CliEnvironment environment, WorkspaceConfiguration configuration)
    {
        var demo = ConfigurationFile.DemoDefault(DemoProfile.Manufacturing);
        if (demo.Metrics.Keys.All(configuration.Metrics.ContainsKey))
        {
            return configuration;
        }
        await environment.Out.WriteLineAsync($"{configuration.Source ?? "The workspace configuration"} lacks the demo's custom metrics, so the headline uses the manufacturing demo's definitions.").ConfigureAwait(false);
        return demo;
    }

    private static DemoProfile ParseProfile(string text) => text.Trim().ToLowerInvariant() switch
    {
        "saas" => DemoProfile.Saas,
        "manufacturing" => DemoProfile.Manufacturing,
        _ => throw new UsageLensException($"--profile: '{text}' must be saas or manufacturing"),
    };

    private static string Part(KpiResult result, string name) => KpiOutput.Number(result.Parts.Single(p => p.Name == name).Value, null);
}
