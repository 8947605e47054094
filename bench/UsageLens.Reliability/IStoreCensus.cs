namespace UsageLens.Reliability;

/// <summary>What a workspace holds, read with plain SQL beside the product's own code.</summary>
internal interface IStoreCensus
{
    /// <summary>How many stored events carry each message id.</summary>
    Task<Dictionary<string, long>> MessageCountsAsync();

    /// <summary>How many stored events have an id starting with <paramref name="prefix"/>.</summary>
    Task<long> EventsWithIdPrefixAsync(string prefix);

    /// <summary>Event count and quantity per "day|account|user|event" over raw events (<paramref name="byUser"/>) or per "day|account|event".</summary>
    Task<Dictionary<string, DayTotals>> RawTotalsAsync(bool byUser);

    /// <summary>The same figures summed over the user rollup (<paramref name="byUser"/>) or the account rollup.</summary>
    Task<Dictionary<string, DayTotals>> RollupTotalsAsync(bool byUser);

    /// <summary>Active days and first event per "month|account|user|event", from the raw events (<paramref name="rollup"/> false) or the monthly rollup.</summary>
    Task<Dictionary<string, MonthActivity>> MonthlyActivityAsync(bool rollup);
}
