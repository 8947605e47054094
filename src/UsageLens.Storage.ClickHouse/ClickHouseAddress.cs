using UsageLens.Core;

namespace UsageLens.Storage.ClickHouse;

/// <summary>
/// Where a ClickHouse workspace lives: <c>clickhouse://host:port/database</c> for one server, or
/// <c>clickhouse://host1:port1,host2:port2/database?cluster=name</c> for a sharded cluster, listing
/// the HTTP endpoint of every shard (the first one answers queries) and the cluster's name in
/// <c>remote_servers</c>.
/// </summary>
public sealed record ClickHouseAddress(IReadOnlyList<Uri> Nodes, string Database, string? Cluster)
{
    public const string Scheme = "clickhouse://";

    /// <summary>Whether <paramref name="store"/> names a ClickHouse workspace rather than a DuckDB file.</summary>
    public static bool IsClickHouse(string store) => store.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static ClickHouseAddress Parse(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!IsClickHouse(store))
        {
            throw new UsageLensException($"--store '{store}' must look like clickhouse://host:8123/database");
        }
        var rest = store[Scheme.Length..];
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        var query = q >= 0 ? rest[(q + 1)..] : "";
        rest = q >= 0 ? rest[..q] : rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hosts = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 ? rest[(slash + 1)..] : "";
        if (database.Length == 0)
        {
            database = "usagelens";
        }
        if (!IsName(database))
        {
            throw new UsageLensException($"--store: database name '{database}' may hold only letters, digits and '_'");
        }
        var nodes = hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Node).ToList();
        if (nodes.Count == 0)
        {
            throw new UsageLensException($"--store '{store}' names no host");
        }
        string? cluster = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.IndexOf('=', StringComparison.Ordinal) is var e and > 0 ? (pair[..e], pair[(e + 1)..]) : (pair, "");
            cluster = key == "cluster" && IsName(value)
                ? value
                : throw new UsageLensException($"--store: unknown or invalid setting '{pair}' (only cluster=NAME is known)");
        }
        if (nodes.Count > 1 && cluster is null)
        {
            throw new UsageLensException("--store: several hosts need ?cluster=NAME, the cluster's name in remote_servers");
        }
        return new ClickHouseAddress(nodes, database, cluster);
    }

    public override string ToString() =>
        Scheme + string.Join(",", Nodes.Select(n => n.Authority)) + "/" + Database + (Cluster is null ? "" : "?cluster=" + Cluster);

    private static Uri Node(string host)
    {
        var text = host.Contains(':', StringComparison.Ordinal) ? host : host + ":8123";
        return Uri.TryCreate("http://" + text + "/", UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"
            ? uri
            : throw new UsageLensException($"--store: '{host}' is not a host:port");
    }

    // Database and cluster names end up in DDL as identifiers, so they are held to a plain alphabet.
    private static bool IsName(string text) => text.Length is > 0 and <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
