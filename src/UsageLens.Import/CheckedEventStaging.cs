using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import;

/// <summary>
/// Stages an events file in one pass: read, canonical form, every check and the conversion to stored types in one
/// statement, with Parquet columns of the stored type checked as they are (<see cref="NativeColumns"/>). The exact
/// path writes every row as text first so that a bad row's value can be quoted; this one keeps nothing to quote
/// from, so when any row breaks a rule it stages nothing and the caller runs the exact path, which finds and words
/// the first problem. Files are only valid or not: both paths agree on which.
/// </summary>
internal static class CheckedEventStaging
{
    /// <summary>The rows staged from <paramref name="raw"/>, numbered from <paramref name="firstSeq"/>; <see langword="null"/> when a row breaks a rule or the file cannot be read this way.</summary>
    public static long? TryStage(DuckDBConnection connection, RawFile raw, ResolvedColumns resolved, long firstSeq, CancellationToken cancellationToken)
    {
        var native = NativeColumns.Of(raw, resolved);
        var (rows, parameters) = CanonicalProjection.Select(raw, resolved, native);
        var table = "import_checked_" + raw.File.Index.ToString(CultureInfo.InvariantCulture);
        try
        {
            DuckDbCommands.Execute(connection,
                $"CREATE TEMP TABLE {table} AS {EventImportStore.CheckedRows(rows, RowValidator.ChecksFor(resolved, native), native)}", parameters);
            var counts = DuckDbCommands.Rows(connection, $"SELECT count(*), count(failed) FROM {table}", [], cancellationToken)[0];
            if (Convert.ToInt64(counts[1], CultureInfo.InvariantCulture) > 0)
            {
                return null;
            }
            EventImportStore.StageChecked(connection, table, firstSeq);
            return Convert.ToInt64(counts[0], CultureInfo.InvariantCulture);
        }
        catch (DuckDBException) when (!cancellationToken.IsCancellationRequested)
        {
            // A file DuckDB cannot read, or a value no rule foresaw: the exact path words it.
            return null;
        }
        finally
        {
            DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }
}
