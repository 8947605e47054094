using System.CommandLine;
using Microsoft.Extensions.Hosting;
using UsageLens.Server;
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

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("serve", "Serve the API and the dashboard, and run the alert rules on their schedules") { Urls, AlertLogFile.Option };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: false, cancellationToken).ConfigureAwait(false);
            var clock = parse.GetValue(CommonOptions.AsOf) is null ? environment.Clock : new AsOfClock(CommonOptions.Today(parse, environment.Clock), environment.Clock);
            await RunAsync(environment with { Clock = clock }, workspace, new ServerOptions { Urls = parse.GetValue(Urls)!, Configuration = CommonOptions.Configuration(parse), AlertLogPath = AlertLogFile.Path(parse) }, null, cancellationToken).ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>Serves until cancelled; <paramref name="readKey"/>, when given, is put in the printed dashboard address.</summary>
    public static async Task RunAsync(CliEnvironment environment, IWorkspaceStore workspace, ServerOptions options, string? readKey, CancellationToken cancellationToken)
    {
        await using var app = UsageLensServer.Build(options, workspace, environment.Clock);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var address in app.Urls)
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
