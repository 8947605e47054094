using UsageLens.Core.Events;

namespace UsageLens.Ingest.Files;

/// <summary>
/// The columns a kind of file may have (spec: data.md, "Canonical file schemas"). Columns that
/// are not listed are collected into <see cref="ExtrasColumn"/> when the kind has one.
/// </summary>
/// <param name="ExtrasColumn">The JSON object column that also receives unknown columns (<c>properties</c> or <c>traits</c>), or <see langword="null"/> when unknown columns are ignored.</param>
/// <param name="GeneratedIdColumn">A column that, when the file lacks it, is filled with a hash of the row's content.</param>
public sealed record CanonicalSchema(ImportKind Kind, IReadOnlyList<CanonicalColumn> Columns, string? ExtrasColumn, string? GeneratedIdColumn)
{
    /// <summary>The schema of <paramref name="kind"/>.</summary>
    public static CanonicalSchema For(ImportKind kind) => kind switch
    {
        ImportKind.Events => s_events,
        ImportKind.Accounts => s_accounts,
        ImportKind.Users => s_users,
        ImportKind.Subscriptions => s_subscriptions,
        ImportKind.Nps => s_nps,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static readonly CanonicalSchema s_events = new(ImportKind.Events,
    [
        new("id", ColumnType.Text, ColumnPresence.RequiredWhenPresent),
        new("timestamp", ColumnType.Timestamp, ColumnPresence.Required),
        new("account_id", ColumnType.Text, ColumnPresence.Required),
        new("user_id", ColumnType.Text),
        new("event", ColumnType.Text, ColumnPresence.Required),
        new("quantity", ColumnType.Decimal, Default: "1"),
        new("unit", ColumnType.Text, Default: EventDefaults.Unit),
        new("product", ColumnType.Text),
        new("classification", ColumnType.Text),
        new("properties", ColumnType.JsonObject),
    ], ExtrasColumn: "properties", GeneratedIdColumn: "id");

    private static readonly CanonicalSchema s_accounts = new(ImportKind.Accounts,
    [
        new("account_id", ColumnType.Text, ColumnPresence.Required),
        new("name", ColumnType.Text),
        new("segment", ColumnType.Text),
        new("region", ColumnType.Text),
        new("plan", ColumnType.Text),
        new("partner_id", ColumnType.Text),
        new("revenue", ColumnType.Decimal),
        new("contract_value", ColumnType.Decimal),
        new("cltv", ColumnType.Decimal),
        new("strategic", ColumnType.Boolean),
        new("licensed_seats", ColumnType.Count),
        new("created_at", ColumnType.Timestamp),
        new("traits", ColumnType.JsonObject),
    ], ExtrasColumn: "traits", GeneratedIdColumn: null);

    private static readonly CanonicalSchema s_users = new(ImportKind.Users,
    [
        new("user_id", ColumnType.Text, ColumnPresence.Required),
        new("account_id", ColumnType.Text, ColumnPresence.Required),
        new("email", ColumnType.Text),
        new("created_at", ColumnType.Timestamp),
        new("traits", ColumnType.JsonObject),
    ], ExtrasColumn: "traits", GeneratedIdColumn: null);

    private static readonly CanonicalSchema s_subscriptions = new(ImportKind.Subscriptions,
    [
        new("account_id", ColumnType.Text, ColumnPresence.Required),
        new("effective_at", ColumnType.Timestamp, ColumnPresence.Required),
        new("plan", ColumnType.Text),
        new("mrr", ColumnType.NonNegativeDecimal, ColumnPresence.Required),
        new("currency", ColumnType.Text),
        new("discount_pct", ColumnType.Percentage),
        new("seats", ColumnType.Count),
        new("included_units", ColumnType.QuantityMap),
    ], ExtrasColumn: null, GeneratedIdColumn: null);

    private static readonly CanonicalSchema s_nps = new(ImportKind.Nps,
    [
        new("account_id", ColumnType.Text, ColumnPresence.Required),
        new("user_id", ColumnType.Text),
        new("responded_at", ColumnType.Timestamp, ColumnPresence.Required),
        new("score", ColumnType.Score, ColumnPresence.Required),
        new("comment", ColumnType.Text),
    ], ExtrasColumn: null, GeneratedIdColumn: null);
}
