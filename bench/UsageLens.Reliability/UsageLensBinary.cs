using System.Diagnostics;

namespace UsageLens.Reliability;

/// <summary>
/// The built <c>usagelens</c> command line (src/UsageLens.Cli), run as a child process exactly as an
/// operator runs it. A <c>.dll</c> is started through <c>dotnet</c>, which runs it in the same process,
/// so killing the started process kills the command.
/// </summary>
internal sealed class UsageLensBinary
{
    private UsageLensBinary(string path) => Path = path;

    public string Path { get; }

    /// <summary>The given path, or the Release build under the repository that holds this tool.</summary>
    public static UsageLensBinary Locate(string? given)
    {
        var path = given ?? System.IO.Path.Combine(RepositoryRoot(), "src", "UsageLens.Cli", "bin", "Release", "net10.0", "usagelens.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no usagelens build at {path}: run 'dotnet build src/UsageLens.Cli -c Release' or pass --cli PATH", path);
        }
        return new UsageLensBinary(System.IO.Path.GetFullPath(path));
    }

    public ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var dll = Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (dll)
        {
            start.ArgumentList.Add(Path);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Plain output: no colours or progress animation to parse around.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["TERM"] = "dumb";
        return start;
    }

    /// <summary>Runs a command to its end and returns its standard output; a non-zero exit is an error with its standard error.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("usagelens did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"usagelens {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }
        return await output;
    }

    /// <summary>The folder holding UsageLens.slnx above this tool.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "UsageLens.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("UsageLens.slnx not found above " + AppContext.BaseDirectory);
    }
}
