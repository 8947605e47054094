namespace UsageLens.Demo;

/// <summary>The meters the demo emits. Indices are fixed: the usage planner addresses meters by them.</summary>
internal static class DemoMeters
{
    public const int ApiCall = 0;
    public const int ReportGenerated = 1;
    public const int Export = 2;
    public const int DashboardView = 3;
    public const int Login = 4;
    public const int DataProcessed = 5;
    public const int StorageUsed = 6;
    public const int ComputeMinutes = 7;

    public static IReadOnlyList<DemoMeter> All { get; } =
    [
        new("api_call", "count", "platform-api", "core", 0.25, 0, []),
        new("report_generated", "count", "analytics", "core", 1, 0,
            ["{\"template\":\"usage-summary\"}", "{\"template\":\"revenue-by-region\"}", "{\"template\":\"seat-utilisation\"}", "{\"template\":\"executive-weekly\"}"]),
        new("export", "count", "analytics", "core", 1, 0,
            ["{\"format\":\"csv\"}", "{\"format\":\"csv\"}", "{\"format\":\"xlsx\"}", "{\"format\":\"pdf\"}", "{\"format\":\"parquet\"}"]),
        new("dashboard_view", "count", "analytics", "core", 1, 0, []),
        new("login", "count", "platform", "core", 1, 0,
            ["{\"method\":\"sso\"}", "{\"method\":\"sso\"}", "{\"method\":\"password\"}", "{\"method\":\"magic-link\"}"]),
        new("data_processed", "GB", "data-pipelines", "add-on", 0, 0.8, []),
        new("storage_used", "GB", "storage", "core", 0, 0, []),
        new("compute_minutes", "minutes", "data-pipelines", "add-on", 0, 0.9, []),
    ];
}
