using System.Globalization;
using UsageLens.Core;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import.Tests;

/// <summary>A fresh in-memory workspace and a temporary directory for fixture files.</summary>
public sealed class ImportFixture : IDisposable
{
    private static readonly string[] s_tables = ["events", "meters", "accounts", "users", "subscriptions", "nps"];

    public ImportFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "usagelens-import-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public DuckDbWorkspace Workspace { get; } = DuckDbWorkspace.Open(":memory:");

    public string Directory { get; }

    public List<ImportProgress> Progress { get; } = [];

    /// <summary>Writes <paramref name="content"/> to a file in the temporary directory and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>An expected message, whose leading file name gets the temporary directory prefixed.</summary>
    public string Expected(string message) => Path.Combine(Directory, message);

    public Task<ImportReport> Import(ImportKind kind, params string[] files) => Import(kind, ColumnMap.None, files);

    public Task<ImportReport> Import(ImportKind kind, IReadOnlyDictionary<string, string> map, params string[] files) =>
        new DuckDbFileImporter(Workspace).ImportAsync(kind, files, map, new ImmediateProgress(Progress), default);

    public async Task<string> Refused(ImportKind kind, params string[] files)
    {
        var error = await Assert.ThrowsAsync<UsageLensException>(() => Import(kind, files));
        return error.Message;
    }

    /// <summary>Row counts of every table an import writes, to show that a refused import changed nothing.</summary>
    public IReadOnlyList<long> Counts() => s_tables.Select(t => Long($"SELECT count(*) FROM {t}")).ToList();

    public long Long(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    public object? Scalar(string sql, params object?[] parameters)
    {
        using var connection = Workspace.OpenConnection();
        return DuckDbCommands.Scalar(connection, sql, parameters);
    }

    public List<object?[]> Rows(string sql)
    {
        using var connection = Workspace.OpenConnection();
        return DuckDbCommands.Rows(connection, sql);
    }

    public void Execute(string sql, params object?[] parameters)
    {
        using var connection = Workspace.OpenConnection();
        DuckDbCommands.Execute(connection, sql, parameters);
    }

    public void Dispose()
    {
        Workspace.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    // Progress<T> posts to the thread pool; the tests want the reports in order, as they happen.
    private sealed class ImmediateProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
