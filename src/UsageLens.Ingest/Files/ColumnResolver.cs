using UsageLens.Core;

namespace UsageLens.Ingest.Files;

/// <summary>
/// Lines a file's header up with a canonical schema: applies <c>--map</c>, matches names
/// case-insensitively (after trimming), and refuses unnamed, duplicate and missing required columns.
/// </summary>
public static class ColumnResolver
{
    /// <summary>Resolves <paramref name="header"/> (the file's column names in order) or throws a <see cref="UsageLensException"/> naming <paramref name="file"/>.</summary>
    public static ResolvedColumns Resolve(string file, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> map, CanonicalSchema schema)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(schema);
        var (columns, mappings) = Rename(file, header, map);
        RefuseDuplicates(file, columns, mappings);

        var sources = new Dictionary<string, SourceColumn>(StringComparer.Ordinal);
        var unknown = new List<SourceColumn>();
        foreach (var column in columns)
        {
            var canonical = schema.Columns.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                unknown.Add(column);
            }
            else
            {
                sources[canonical.Name] = column;
            }
        }

        var missing = schema.Columns.Where(c => c.Presence == ColumnPresence.Required && !sources.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new UsageLensException(ImportMessages.MissingColumns(file, missing));
        }
        var hasExtras = schema.ExtrasColumn is not null;
        return new ResolvedColumns(
            schema,
            sources,
            hasExtras ? unknown : [],
            hasExtras ? [] : unknown.Select(c => c.Name).ToList(),
            schema.GeneratedIdColumn is { } id && !sources.ContainsKey(id));
    }

    private static (List<SourceColumn> Columns, Dictionary<int, string> Mappings) Rename(string file, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> map)
    {
        var columns = new List<SourceColumn>(header.Count);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i]?.Trim() ?? "";
            if (name.Length == 0)
            {
                throw new UsageLensException(ImportMessages.UnnamedColumn(file, i + 1));
            }
            columns.Add(new SourceColumn(i, name));
        }

        var mappings = new Dictionary<int, string>();
        foreach (var (their, our) in map)
        {
            var matches = columns.Where(c => string.Equals(c.Name, their.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                throw new UsageLensException(ImportMessages.MapColumnMissing(file, their, our, columns.Select(c => c.Name).ToList()));
            }
            foreach (var match in matches)
            {
                columns[match.Position] = match with { Name = our.Trim() };
                mappings[match.Position] = $"{their}={our}";
            }
        }
        return (columns, mappings);
    }

    private static void RefuseDuplicates(string file, List<SourceColumn> columns, Dictionary<int, string> mappings)
    {
        var duplicate = columns
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.ElementAt(1).Position)
            .FirstOrDefault();
        if (duplicate is null)
        {
            return;
        }
        var mapping = duplicate.Select(c => mappings.GetValueOrDefault(c.Position)).FirstOrDefault(m => m is not null);
        throw new UsageLensException(ImportMessages.DuplicateColumn(file, duplicate.Key, mapping));
    }
}
