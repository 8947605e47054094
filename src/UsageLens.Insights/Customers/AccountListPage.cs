using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>One page of the customer list: the accounts matching the search (their count is <see cref="Total"/>), sorted.</summary>
public sealed record AccountListPage
{
    [JsonPropertyName("as_of")]
    public required string AsOf { get; init; }

    /// <summary>How many accounts of the caller's scope match the search, over every page.</summary>
    [JsonPropertyName("total")]
    public required int Total { get; init; }

    [JsonPropertyName("page")]
    public required int Page { get; init; }

    [JsonPropertyName("page_size")]
    public required int PageSize { get; init; }

    [JsonPropertyName("accounts")]
    public required IReadOnlyList<AccountListRow> Accounts { get; init; }
}
