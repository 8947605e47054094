using System.Diagnostics.CodeAnalysis;
using DuckDB.NET.Data;

namespace UsageLens.Storage.DuckDb;

/// <summary>
/// The one place that turns SQL text into a command. Callers pass text assembled from internal
/// constants and the semantic layer's renderer only; every value travels as a bound parameter.
/// Public for the DuckDB writers outside this project (the demo writer, the file importer).
/// </summary>
public static class DuckDbCommands
{
    [SuppressMessage("Security", "CA2100", Justification = "SQL text is internal; values are bound parameters.")]
    public static DuckDBCommand Create(DuckDBConnection connection, string sql, params IEnumerable<object?> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            command.Parameters.Add(new DuckDBParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }

    public static long Execute(DuckDBConnection connection, string sql, params IEnumerable<object?> parameters)
    {
        using var command = Create(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(DuckDBConnection connection, string sql, params IEnumerable<object?> parameters)
    {
        using var command = Create(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Every row of a query, with SQL NULL as <see langword="null"/>.</summary>
    public static List<object?[]> Rows(DuckDBConnection connection, string sql, params IEnumerable<object?> parameters) =>
        Rows(connection, sql, parameters, CancellationToken.None);

    /// <summary>
    /// Every row of a query; cancelling the token interrupts the running statement (DuckDB's
    /// <c>duckdb_interrupt</c>, behind <see cref="DuckDBCommand.Cancel"/>) and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static List<object?[]> Rows(DuckDBConnection connection, string sql, IEnumerable<object?> parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Create(connection, sql, parameters);
        using var interrupt = cancellationToken.Register(static c => ((DuckDBCommand)c!).Cancel(), command);
        try
        {
            return ReadAll(command, cancellationToken);
        }
        catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
        {
            // The interrupted statement fails with DuckDB's "Interrupted" error; the caller asked for this.
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static List<object?[]> ReadAll(DuckDBCommand command, CancellationToken cancellationToken)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
