namespace UsageLens.Core.Storage;

/// <summary>
/// One storage engine as the applications see it: which workspace addresses are its own, how it opens
/// one, how it takes a copy of another workspace and how its errors read to a user. The CLI keeps one
/// list of engines; adding an engine is a project implementing this plus one line in that list.
/// </summary>
public interface IWorkspaceEngine
{
    /// <summary>The engine's name in messages, such as <c>DuckDB</c>.</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="address"/> names a workspace of this engine (by its URI scheme, or a file path).</summary>
    bool Accepts(string address);

    /// <summary>Whether the workspace at <paramref name="address"/> exists already; opening one that does not creates it.</summary>
    bool Exists(string address);

    /// <summary>
    /// Reads the workspace at <paramref name="address"/> without creating, migrating or writing it: connects (a
    /// ClickHouse ping, a read-only DuckDB open) and reports its schema version, missing tables and row counts. The
    /// engine's own errors (unreachable server, a file that is not a workspace) are thrown for <see cref="Explain"/>.
    /// </summary>
    Task<WorkspaceInspection> InspectAsync(string address, CancellationToken cancellationToken);

    /// <summary>Opens (creating if needed) the workspace at <paramref name="address"/>; the caller disposes it.</summary>
    Task<IWorkspaceStore> OpenAsync(string address, TimeProvider timeProvider, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <see cref="CopyAsync"/> is supported. An engine that files and the demo are written
    /// into directly (DuckDB, which does that work in its own SQL) takes no copies.
    /// </summary>
    bool TakesCopies { get; }

    /// <summary>
    /// Copies what <paramref name="source"/> (any engine) holds into <paramref name="target"/>, a workspace
    /// this engine opened, reporting rows per table.
    /// </summary>
    /// <exception cref="NotSupportedException"><see cref="TakesCopies"/> is false.</exception>
    Task<MigrationOutcome> CopyAsync(IQueryStore source, IWorkspaceStore target, CopyMode mode, IProgress<MigrationProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// The one-line message a user sees for <paramref name="exception"/> when it is this engine's own
    /// error (a refused statement, an unreachable server), or null when it is not.
    /// </summary>
    string? Explain(Exception exception);
}
