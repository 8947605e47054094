using System.CommandLine;
using UsageLens.Core.Erasure;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens erase user ID</c> and <c>erase account ID</c>: delete a person's or an account's data from events,
/// rollups and profiles, record the erasure, and print what was removed. Stop a running server on a DuckDB
/// workspace first, or use its admin API, which erases through the server's single writer.
/// </summary>
internal static class EraseCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("erase", "Erase a person's or an account's data (GDPR-style) and record the erasure")
        {
            Kind(environment, ErasureKind.User, "user", "Erase one person's events, profile and NPS answers by user id"),
            Kind(environment, ErasureKind.Account, "account", "Erase one account's events, profile, people, subscriptions and NPS answers"),
        };

    private static Command Kind(CliEnvironment environment, ErasureKind kind, string name, string description)
    {
        var id = new Argument<string>("ID") { Description = $"The {name} id" };
        var command = new Command(name, description) { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            var record = await workspace.Erasures.EraseAsync(kind, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            var removed = string.Join(", ", record.Rows.Select(r => $"{r.Value} {r.Key}"));
            await environment.Out.WriteLineAsync($"Erased {record.KindName} {record.Id}: {removed}.").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }
}
