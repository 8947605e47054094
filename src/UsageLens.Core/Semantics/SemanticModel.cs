using UsageLens.Core.Configuration;
using UsageLens.Core.Semantics.Custom;

namespace UsageLens.Core.Semantics;

/// <summary>
/// Resolves the names people type (metrics, dimensions, filters) against the built-in schema and
/// the keys a workspace's data actually holds, plus the custom metrics of its configuration file.
/// Every unknown name fails with suggestions.
/// </summary>
public sealed class SemanticModel(WorkspaceCatalog catalog, WorkspaceConfiguration? configuration = null)
{
    private static readonly Dimension[] s_builtIn =
    [
        new("account_id", DimensionSource.Event, "account_id", DimensionKind.Text),
        new("user_id", DimensionSource.Event, "user_id", DimensionKind.Text),
        new("event", DimensionSource.Event, "event", DimensionKind.Text),
        new("product", DimensionSource.Event, "product", DimensionKind.Text),
        new("classification", DimensionSource.Event, "classification", DimensionKind.Text),
        new("unit", DimensionSource.Event, "unit", DimensionKind.Text),
        new("name", DimensionSource.Account, "name", DimensionKind.Text),
        new("segment", DimensionSource.Account, "segment", DimensionKind.Text),
        new("region", DimensionSource.Account, "region", DimensionKind.Text),
        new("plan", DimensionSource.Account, "plan", DimensionKind.Text),
        new("partner_id", DimensionSource.Account, "partner_id", DimensionKind.Text),
        new("strategic", DimensionSource.Account, "strategic", DimensionKind.Boolean),
        new("revenue", DimensionSource.Account, "revenue", DimensionKind.Number),
        new("contract_value", DimensionSource.Account, "contract_value", DimensionKind.Number),
        new("cltv", DimensionSource.Account, "cltv", DimensionKind.Number),
        new("licensed_seats", DimensionSource.Account, "licensed_seats", DimensionKind.Number),
        new("email", DimensionSource.User, "email", DimensionKind.Text),
    ];

    public WorkspaceCatalog Catalog { get; } = catalog;

    /// <summary>The custom metrics of the workspace configuration, by name.</summary>
    public IReadOnlyDictionary<string, CustomMetric> CustomMetrics { get; } = configuration?.Metrics ?? new Dictionary<string, CustomMetric>();

    /// <summary>The configuration file the custom metrics come from, for messages.</summary>
    public string CustomMetricsSource { get; } = configuration?.Source ?? "the workspace configuration";

    public static IReadOnlyList<Dimension> BuiltInDimensions => s_builtIn;

    /// <summary>Resolves a usage metric, checking that its event is metered in this workspace.</summary>
    public UsageMetric Metric(string text)
    {
        if (!UsageMetric.TryParse(text, out var metric, out var error))
        {
            throw new UsageLensException(error);
        }
        if (FindCustomMetric(text) is { } custom)
        {
            throw new UsageLensException($"'{custom.Name}' is a custom metric from {CustomMetricsSource}; only the usage KPI takes custom metrics");
        }
        if (!Catalog.MeterUnits.ContainsKey(metric.Event))
        {
            throw new UsageLensException($"unknown metric '{metric.Event}'{NearestNames.Hint(metric.Event, Catalog.MeterUnits.Keys.Concat(CustomMetrics.Keys))}");
        }
        return metric;
    }

    /// <summary>
    /// The custom metric named <paramref name="text"/>, or null when it names none. A custom metric
    /// named like a metered event is refused, since <c>--metric</c> could not tell them apart.
    /// </summary>
    public CustomMetric? FindCustomMetric(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!CustomMetrics.TryGetValue(text.Trim(), out var custom))
        {
            return null;
        }
        return Catalog.MeterUnits.ContainsKey(custom.Name)
            ? throw new UsageLensException($"{CustomMetricsSource}: metrics.{custom.Name}: the name is already a metered event; rename the custom metric")
            : custom;
    }

    /// <summary>The unit of a metric's values.</summary>
    public string Unit(UsageMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.ValueUnit(Catalog.MeterUnits.GetValueOrDefault(metric.Event, "count"));
    }

    /// <summary>
    /// Resolves <c>segment</c>, <c>account.tier</c>, <c>user.role</c>, <c>properties.endpoint</c> or a bare
    /// trait/property key when exactly one of accounts, users and events has it.
    /// </summary>
    public Dimension Dimension(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var builtIn = s_builtIn.FirstOrDefault(d => string.Equals(d.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null)
        {
            return builtIn;
        }
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            return Qualified(trimmed[..dot].ToLowerInvariant(), trimmed[(dot + 1)..], trimmed);
        }
        var owners = new List<Dimension>();
        if (Catalog.AccountTraits.Contains(trimmed))
        {
            owners.Add(AccountTrait(trimmed));
        }
        if (Catalog.UserTraits.Contains(trimmed))
        {
            owners.Add(UserTrait(trimmed));
        }
        if (Catalog.EventProperties.Contains(trimmed))
        {
            owners.Add(Property(trimmed));
        }
        return owners.Count switch
        {
            1 => owners[0],
            0 => throw new UsageLensException($"unknown dimension '{trimmed}'{NearestNames.Hint(trimmed, KnownNames())}"),
            _ => throw new UsageLensException($"dimension '{trimmed}' is ambiguous: write {string.Join(" or ", owners.Select(o => $"'{o.Name}'"))}"),
        };
    }

    /// <summary>Every name <see cref="Dimension"/> accepts, for suggestions and vocabularies.</summary>
    public IEnumerable<string> KnownNames() =>
        s_builtIn.Select(d => d.Name)
            .Concat(Catalog.AccountTraits)
            .Concat(Catalog.UserTraits)
            .Concat(Catalog.EventProperties);

    private static Dimension Qualified(string prefix, string key, string original) => prefix switch
    {
        "account" or "accounts" or "traits" => s_builtIn.FirstOrDefault(d => d.Source == DimensionSource.Account && string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase)) ?? AccountTrait(key),
        "user" or "users" => s_builtIn.FirstOrDefault(d => d.Source == DimensionSource.User && string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase)) ?? UserTrait(key),
        "properties" or "property" or "event" => Property(key),
        _ => throw new UsageLensException($"unknown dimension '{original}': a prefix must be account., user. or properties."),
    };

    private static Dimension AccountTrait(string key) => new($"account.{key}", DimensionSource.Account, "traits", DimensionKind.Text, key);

    private static Dimension UserTrait(string key) => new($"user.{key}", DimensionSource.User, "traits", DimensionKind.Text, key);

    private static Dimension Property(string key) => new($"properties.{key}", DimensionSource.Event, "properties", DimensionKind.Text, key);
}
