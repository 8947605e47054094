using System.CommandLine;
using UsageLens.Core;
using UsageLens.Core.Keys;

namespace UsageLens.Cli.Commands;

/// <summary>
/// <c>usagelens users create EMAIL --role R [--partner ID] [--password-stdin]</c>, <c>users list</c> and
/// <c>users delete EMAIL</c>: the people who sign in to the dashboard at <c>/login</c>.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("users", "Manage the people who sign in to the dashboard")
        {
            CreateCommand(environment),
            ListCommand(environment),
            DeleteCommand(environment),
        };

    private static Command CreateCommand(CliEnvironment environment)
    {
        var email = new Argument<string>("EMAIL") { Description = "The e-mail the user signs in with" };
        var role = new Option<string>("--role") { Description = ApiKeyRoles.AllNames, Required = true };
        var partner = new Option<string?>("--partner") { Description = "The partner a partner user is limited to" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input instead of prompting" };
        var create = new Command("create", "Create a dashboard user") { email, role, partner, passwordStdin };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var roleName = parse.GetValue(role);
            if (!ApiKeyRoles.TryParse(roleName, out var parsed))
            {
                throw new UsageLensException($"--role '{roleName}' is not one of {ApiKeyRoles.AllNames}");
            }
            var password = await ReadPasswordAsync(environment, parse.GetValue(passwordStdin), cancellationToken).ConfigureAwait(false);
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: false, cancellationToken).ConfigureAwait(false);
            var user = await workspace.Users.CreateAsync(parse.GetValue(email)!, password, parsed, parse.GetValue(partner), cancellationToken).ConfigureAwait(false);
            await environment.Out.WriteLineAsync($"Created {user.Email} with the {user.Role.Name()} role{(user.PartnerId is { } p ? $" for partner {p}" : "")}.").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return create;
    }

    private static Command ListCommand(CliEnvironment environment)
    {
        var list = new Command("list", "List dashboard users (e-mail, role, partner, created)");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            foreach (var user in await workspace.Users.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                await environment.Out.WriteLineAsync(string.Join('\t', user.Email, user.Role.Name(), user.PartnerId ?? "-",
                    user.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
            }
            return CliApplication.Success;
        });
        return list;
    }

    private static Command DeleteCommand(CliEnvironment environment)
    {
        var email = new Argument<string>("EMAIL") { Description = "The user to delete" };
        var delete = new Command("delete", "Delete a dashboard user; their sessions end at once") { email };
        delete.SetAction(async (parse, cancellationToken) =>
        {
            using var workspace = await WorkspaceStores.OpenAsync(parse, environment.Clock, mustExist: true, cancellationToken).ConfigureAwait(false);
            var address = parse.GetValue(email)!;
            if (!await workspace.Users.DeleteAsync(address, cancellationToken).ConfigureAwait(false))
            {
                throw new UsageLensException($"no user '{address}'");
            }
            await environment.Out.WriteLineAsync($"Deleted {address.Trim().ToLowerInvariant()}.").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return delete;
    }

    // A password given as an argument would land in shell history and the process list, so there is no such option.
    private static async Task<string> ReadPasswordAsync(CliEnvironment environment, bool fromStdin, CancellationToken cancellationToken)
    {
        if (!fromStdin)
        {
            if (Console.IsInputRedirected || !ReferenceEquals(environment.In, Console.In))
            {
                throw new UsageLensException("no terminal to prompt for the password on: pass --password-stdin and send it on standard input");
            }
            return PromptPassword(environment);
        }
        var line = await environment.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line ?? throw new UsageLensException("--password-stdin: standard input is empty");
    }

    private static string PromptPassword(CliEnvironment environment)
    {
        environment.Error.Write("Password: ");
        var password = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        environment.Error.WriteLine();
        return password.ToString();
    }
}
