using System.CommandLine;
using Microsoft.Extensions.Hosting;
using UsageLens.Server;
using UsageLens.Server.Operations;
using UsageLens.Core.Storage;

namespace UsageLens.Cli.Commands;

/// <summary><c>usagelens serve</c>: the ingestion API, the KPI API and the dashboard, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Option<string> Urls { get; } = new("--urls")
    {
        Description = "Addresses to listen on, separated by ';'",
        DefaultValueFactory = _ => new ServerOptions().Urls,
    };

    public static Option<ServerLogFormat> LogFormat { get; } = new("--log-format")
    {
        Description = "Console log: json (one object per line; the default when the output is not a terminal) or text",
        DefaultValueFactory = _ => Console.IsOutputRedirected ? ServerLogFormat.Json : ServerLogFormat.Text,
    };

    public static Option<string?> MetricsUrl { get; } = new("--metrics-url")
    {
        Description = "Also serve Prometheus /metrics without a key on this separate internal address, such as http://127.0.0.1:9464 (on --urls, /metrics needs an admin key)",
    };

    public static Option<string?> IngestLog { get; } = new("--ingest-log")
    {
        Description = "Directory of the ingest log: events are acknowledged once fsynced there and merged into the workspace in the background. " +
            "The default for a DuckDB file is '<file>.ingest-log' beside it; 'off', and a workspace without a file, acknowledge after the commit into the workspace",
    };

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("serve", "Serve the API and the dashboard, and run the alert rules on their schedules") { Urls, AlertLogFile.Option, LogFormat, MetricsUrl, IngestLog };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ingestLog = IngestLogDirectory(parse);
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: false, cancellationToken, ingestLogOwner: ingestLog).ConfigureAwait(false);
            var clock = parse.GetValue(CommonOptions.AsOf) is null ? environment.Clock : new AsOfClock(CommonOptions.Today(parse, environment.Clock), environment.Clock);
            await RunAsync(environment with { Clock = clock }, workspace, new ServerOptions
            {
                Urls = parse.GetValue(Urls)!,
                Configuration = CommonOptions.Configuration(parse),
                AlertLogPath = AlertLogFile.Path(parse),
                LogFormat = parse.GetValue(LogFormat),
                MetricsUrl = parse.GetValue(MetricsUrl),
                WarmDashboard = true,
                IngestLogDirectory = ingestLog,
            }, null, cancellationToken).ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }

    private static string? IngestLogDirectory(ParseResult parse)
    {
        var given = parse.GetValue(IngestLog);
        if (given is not null)
        {
            return given == "off" ? null : Path.GetFullPath(given);
        }
        return WorkspaceStores.DefaultIngestLog(parse);
    }

    /// <summary>Serves until cancelled; <paramref name="readKey"/>, when given, is put in the printed dashboard address.</summary>
    public static async Task RunAsync(CliEnvironment environment, IWorkspaceStore workspace, ServerOptions options, string? readKey, CancellationToken cancellationToken)
    {
        await using var app = UsageLensServer.Build(options, workspace, environment.Clock);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var address in app.Urls.Where(a => new Uri(a).Port == options.MetricsPort()))
        {
            await environment.Out.WriteLineAsync($"Metrics on {address}/metrics (no key: keep this address internal)").ConfigureAwait(false);
        }
        foreach (var address in app.Urls.Where(a => new Uri(a).Port != options.MetricsPort()))
        {
            var dashboard = readKey is null ? address + "/" : $"{address}/#key={readKey}";
            await environment.Out.WriteLineAsync($"Serving on {address} — dashboard: {dashboard}  (OpenAPI: {address}/openapi/v1.json). Ctrl+C stops.").ConfigureAwait(false);
        }
        try
        {
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
