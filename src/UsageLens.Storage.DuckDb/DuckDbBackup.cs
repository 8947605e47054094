using DuckDB.NET.Data;
using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb.Schema;

namespace UsageLens.Storage.DuckDb;

/// <summary>
/// Backup and restore of a DuckDB workspace file. A backup is DuckDB's <c>COPY FROM DATABASE</c> into a new file
/// (one consistent snapshot, tables with their constraints); a restore verifies the backup, refuses a workspace
/// another process holds open (being served), keeps the replaced file as <c>FILE.before-restore</c>, and swaps the
/// verified copy in with one rename.
/// </summary>
public static class DuckDbBackup
{
    public const string ReplacedSuffix = ".before-restore";

    /// <summary>Copies the open <paramref name="workspace"/> into the new file <paramref name="path"/>.</summary>
    /// <exception cref="UsageLensException">The file exists, or its path cannot be named in DuckDB's ATTACH.</exception>
    public static WorkspaceInspection Write(DuckDbWorkspace workspace, string path)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        path = Path.GetFullPath(path);
        // ATTACH takes no bound parameters; a path with a quote is refused rather than escaped.
        if (path.Contains('\'', StringComparison.Ordinal))
        {
            throw new UsageLensException($"backup: the path '{path}' must not contain a single quote");
        }
        if (File.Exists(path))
        {
            throw new UsageLensException($"backup: '{path}' exists already; name a new file");
        }
        try
        {
            using var connection = workspace.OpenConnection();
            var source = (string)DuckDbCommands.Scalar(connection, "SELECT current_database()")!;
            DuckDbCommands.Execute(connection, $"ATTACH '{path}' AS usagelens_backup");
            try
            {
                DuckDbCommands.Execute(connection, $"COPY FROM DATABASE \"{source.Replace("\"", "\"\"", StringComparison.Ordinal)}\" TO usagelens_backup");
            }
            finally
            {
                DuckDbCommands.Execute(connection, "DETACH usagelens_backup");
            }
            return Verify(path);
        }
        catch
        {
            Delete(path);
            throw;
        }
    }

    /// <summary>Reads a backup file read-only and refuses one that is not a complete workspace this build can open.</summary>
    /// <exception cref="UsageLensException">Not a workspace, a newer schema, or tables missing; the message says which.</exception>
    public static WorkspaceInspection Verify(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageLensException($"backup: no file at '{path}'");
        }
        WorkspaceInspection inspection;
        try
        {
            inspection = DuckDbInspection.Inspect(path);
        }
        catch (DuckDBException ex)
        {
            throw new UsageLensException($"backup: '{path}' is not a DuckDB workspace: {ex.Message.Split('\n')[0]}", ex);
        }
        if (inspection.SchemaVersion is not > 0)
        {
            throw new UsageLensException($"backup: '{path}' is not a UsageLens workspace (no schema version)");
        }
        if (inspection.SchemaVersion > inspection.LatestSchemaVersion)
        {
            throw new UsageLensException($"backup: '{path}' has schema version {inspection.SchemaVersion}, newer than this build's {inspection.LatestSchemaVersion}; restore it with a newer usagelens");
        }
        if (inspection.SchemaVersion == inspection.LatestSchemaVersion && inspection.MissingTables.Count > 0)
        {
            throw new UsageLensException($"backup: '{path}' lacks the tables {string.Join(", ", inspection.MissingTables)}");
        }
        return inspection;
    }

    /// <summary>Replaces the workspace at <paramref name="target"/> with the verified backup at <paramref name="backup"/>.</summary>
    /// <exception cref="UsageLensException">The backup is not valid, its copy differs, or the target is open in another process.</exception>
    public static WorkspaceInspection Restore(string backup, string target)
    {
        var expected = Verify(backup);
        target = Path.GetFullPath(target);
        var incoming = target + ".restoring";
        Delete(incoming);
        File.Copy(backup, incoming);
        try
        {
            var copied = Verify(incoming);
            if (!copied.RowCounts.OrderBy(c => c.Key, StringComparer.Ordinal).SequenceEqual(expected.RowCounts.OrderBy(c => c.Key, StringComparer.Ordinal)))
            {
                throw new UsageLensException($"restore: the copy of '{backup}' at '{incoming}' does not hold the backup's rows");
            }
            SetAside(target);
            File.Move(incoming, target);
            return copied;
        }
        catch
        {
            Delete(incoming);
            throw;
        }
    }

    // Opening the target takes DuckDB's lock: it fails while a server (or any process) has the workspace open.
    // Closing it again checkpoints its write-ahead log into the file, so the file set aside is complete.
    private static void SetAside(string target)
    {
        if (!File.Exists(target))
        {
            return;
        }
        try
        {
            using var connection = new DuckDBConnection($"Data Source={target}");
            connection.Open();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageLensException($"restore: the workspace '{target}' is open in another process (is 'usagelens serve' running on it?); stop it first: {ex.Message.Split('\n')[0]}", ex);
        }
        File.Move(target, target + ReplacedSuffix, overwrite: true);
        if (File.Exists(target + ".wal"))
        {
            File.Move(target + ".wal", target + ReplacedSuffix + ".wal", overwrite: true);
        }
    }

    private static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
