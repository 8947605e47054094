using UsageLens.Ingest.Files;

namespace UsageLens.Import;

/// <summary>
/// The canonical columns of one file that are read as their typed values rather than as text: the Parquet columns
/// whose type already is the stored one (<see cref="ValueSql.IsNative"/>). Every other column goes through its text.
/// </summary>
internal sealed class NativeColumns
{
    private readonly HashSet<string> _names;

    private NativeColumns(HashSet<string> names) => _names = names;

    /// <summary>Every column read as text, as the exact path reads them.</summary>
    public static NativeColumns None { get; } = new([]);

    public static NativeColumns Of(RawFile raw, ResolvedColumns resolved)
    {
        if (raw.File.Format != FileFormat.Parquet)
        {
            return None;
        }
        var names = resolved.Schema.Columns
            .Where(c => resolved.SourceOf(c.Name) is { } from && ValueSql.IsNative(c.Type, raw.Types[from.Position]))
            .Select(c => c.Name);
        return new NativeColumns([.. names]);
    }

    public bool Contains(string column) => _names.Contains(column);
}
