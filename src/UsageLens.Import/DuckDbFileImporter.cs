using UsageLens.Core;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import;

/// <summary>
/// Imports CSV, JSON Lines and Parquet files into a workspace with DuckDB's own readers, validating
/// set-wise in SQL. All files of one call are stored in one transaction: any bad row or file means
/// nothing is stored, and the <see cref="UsageLensException"/> names the first problem in file order
/// (file, line or row, column and reason).
/// </summary>
public sealed class DuckDbFileImporter(DuckDbWorkspace workspace)
{
    /// <summary>
    /// Imports <paramref name="files"/> (named as the user gave them) as <paramref name="kind"/>,
    /// renaming columns by <paramref name="columnMap"/> (their name → canonical name, see <see cref="ColumnMap.Parse"/>).
    /// Runs on the thread pool; <paramref name="progress"/> hears each file's phases.
    /// </summary>
    /// <exception cref="UsageLensException">A file or row is invalid; nothing was stored.</exception>
    public Task<ImportReport> ImportAsync(ImportKind kind, IReadOnlyList<string> files, IReadOnlyDictionary<string, string> columnMap,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(columnMap);
        var checkedFiles = Check(files);
        return Task.Run(() =>
        {
            using var connection = workspace.OpenConnection();
            return new ImportRun(connection, CanonicalSchema.For(kind), columnMap, progress, cancellationToken).Run(checkedFiles);
        }, cancellationToken);
    }

    // Every name is checked before any file is read, so a typo in the last file fails fast.
    private static List<ImportFile> Check(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            throw new UsageLensException(ImportMessages.NoFiles());
        }
        var checkedFiles = new List<ImportFile>(files.Count);
        foreach (var file in files)
        {
            var format = FileFormats.Detect(file);
            if (!File.Exists(file))
            {
                throw new UsageLensException(ImportMessages.FileNotFound(file));
            }
            // DuckDB's readers expand these as a glob, which could read other files.
            if (file.IndexOfAny(['*', '?', '[']) >= 0)
            {
                throw new UsageLensException(ImportMessages.GlobCharacters(file));
            }
            checkedFiles.Add(new ImportFile(checkedFiles.Count, file, format));
        }
        return checkedFiles;
    }
}
