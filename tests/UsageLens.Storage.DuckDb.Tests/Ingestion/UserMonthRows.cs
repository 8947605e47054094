namespace UsageLens.Storage.DuckDb.Tests.Ingestion;

/// <summary>The monthly activity a workspace must hold, computed from its raw events, and what its rollup holds.</summary>
internal static class UserMonthRows
{
    /// <summary>Each month's distinct active days per key, as the sum of their distinct powers of two, from the events with a user.</summary>
    public const string FromEvents = """
        SELECT date_trunc('month', timestamp) AS month, account_id, user_id, event, sum(DISTINCT CAST(pow(2, day(timestamp) - 1) AS BIGINT)) AS days, min(timestamp) AS first_at
        FROM events WHERE user_id IS NOT NULL GROUP BY ALL ORDER BY ALL
        """;

    /// <summary>The rollup's rows per key, read as every reader reads them: OR of the bitmaps, earliest first event.</summary>
    public const string Rolled = """
        SELECT month, account_id, user_id, event, CAST(bit_or(days) AS BIGINT) AS days, min(first_at) AS first_at
        FROM rollup_user_months GROUP BY ALL ORDER BY ALL
        """;
}
