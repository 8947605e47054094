using UsageLens.Core;

namespace UsageLens.Ingest.Files;

/// <summary>Parses <c>--map their_name=our_name</c> options into a rename table (names compared case-insensitively).</summary>
public static class ColumnMap
{
    /// <summary>An empty map.</summary>
    public static IReadOnlyDictionary<string, string> None { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses each <c>their=our</c> pair; a malformed pair or a column mapped twice is a <see cref="UsageLensException"/>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var their = equals < 0 ? "" : pair[..equals].Trim();
            var our = equals < 0 ? "" : pair[(equals + 1)..].Trim();
            if (their.Length == 0 || our.Length == 0)
            {
                throw new UsageLensException($"--map '{pair}' must look like their_name=our_name");
            }
            if (!map.TryAdd(their, our))
            {
                throw new UsageLensException($"--map names column '{their}' more than once");
            }
        }
        return map;
    }
}
