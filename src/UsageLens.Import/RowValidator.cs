using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import;

/// <summary>
/// Validates a whole file in one query: a CASE over every rule (first rule, in column order, wins
/// for a row) and the lowest record number with any fault. DuckDB evaluates the CASE branches in
/// order, so a later rule only sees values that passed the earlier ones.
/// </summary>
internal static class RowValidator
{
    public static IReadOnlyList<RowCheck> ChecksFor(ResolvedColumns resolved) => ChecksFor(resolved, NativeColumns.None);

    /// <summary>The checks, with the columns in <paramref name="native"/> checked as their typed values (<see cref="ValueSql.IsNative"/>).</summary>
    public static IReadOnlyList<RowCheck> ChecksFor(ResolvedColumns resolved, NativeColumns native)
    {
        var checks = new List<RowCheck>
        {
            new(RowFault.InvalidJson, null, string.Create(CultureInfo.InvariantCulture, $"row_fault = {(int)RowFault.InvalidJson}")),
            new(RowFault.NotAJsonObjectLine, null, string.Create(CultureInfo.InvariantCulture, $"row_fault = {(int)RowFault.NotAJsonObjectLine}")),
        };
        // Absent columns hold NULL or their default, both valid, so only present columns are checked.
        foreach (var column in resolved.Schema.Columns.Where(c => resolved.SourceOf(c.Name) is not null))
        {
            var value = Identifier.Quote(column.Name);
            Func<RowFault, string, string> condition = native.Contains(column.Name) ? ValueSql.NativeFault : ValueSql.Fault;
            if (column.ValueRequired)
            {
                checks.Add(new RowCheck(RowFault.Missing, column.Name, condition(RowFault.Missing, value)));
            }
            foreach (var fault in RowFaults.ChecksFor(column.Type))
            {
                checks.Add(new RowCheck(fault, column.Name, $"{value} IS NOT NULL AND ({condition(fault, value)})"));
            }
        }
        return checks;
    }

    /// <summary>A CASE that gives the index of the first check a row breaks, or NULL.</summary>
    public static string FirstFailed(IReadOnlyList<RowCheck> checks)
    {
        var cases = new StringBuilder("CASE");
        for (var i = 0; i < checks.Count; i++)
        {
            cases.Append(CultureInfo.InvariantCulture, $"\n WHEN {checks[i].Condition} THEN {i}");
        }
        return cases.Append(" END").ToString();
    }

    public static FirstFault? FindFirst(DuckDBConnection connection, ResolvedColumns resolved, int file)
    {
        var checks = ChecksFor(resolved);
        using var command = DuckDbCommands.Create(connection, $"""
            SELECT rec, failed FROM (SELECT rowid AS rec, {FirstFailed(checks)} AS failed FROM {ImportRows.Table(file)})
            WHERE failed IS NOT NULL ORDER BY rec LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var record = reader.GetInt64(0);
        var check = checks[reader.GetInt32(1)];
        var value = check.Column is null ? null : ImportRows.Value(connection, file, record, check.Column);
        return new FirstFault(record, check.Fault, check.Column, value);
    }
}
