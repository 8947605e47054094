namespace UsageLens.Core.Storage;

/// <summary>
/// A workspace that can copy itself while open (DuckDB). The server takes a backup through it at a commit boundary
/// of its single writer, so the copy holds exactly the requests acknowledged before it.
/// </summary>
public interface IWorkspaceBackup
{
    /// <summary>Writes a consistent copy of the workspace to <paramref name="path"/> (a file that must not exist) and returns what the copy holds, read back from it.</summary>
    Task<WorkspaceInspection> BackupAsync(string path, CancellationToken cancellationToken);
}
