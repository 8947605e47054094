using System.CommandLine;
using UsageLens.Core;
using UsageLens.Core.Keys;

namespace UsageLens.Cli.Commands;

/// <summary><c>usagelens keys create --role R [--partner ID]</c>: prints a new API key once; only its hash is kept.</summary>
internal static class KeysCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var role = new Option<string>("--role") { Description = ApiKeyRoles.AllNames, Required = true };
        var partner = new Option<string?>("--partner") { Description = "The partner a partner key is limited to" };
        var create = new Command("create", "Create an API key") { role, partner };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var roleName = parse.GetValue(role);
            if (!ApiKeyRoles.TryParse(roleName, out var parsed))
            {
                throw new UsageLensException($"--role '{roleName}' is not one of {ApiKeyRoles.AllNames}");
            }
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: false, cancellationToken).ConfigureAwait(false);
            var key = await workspace.Keys.CreateAsync(parsed, parse.GetValue(partner), cancellationToken).ConfigureAwait(false);
            await environment.Out.WriteLineAsync(key.Key).ConfigureAwait(false);
            await environment.Error.WriteLineAsync($"Created a key with the {parsed.Name()} role{(key.Grant.PartnerId is { } p ? $" for partner {p}" : "")}. It is shown only this once.").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return new Command("keys", "Manage API keys") { create };
    }
}
