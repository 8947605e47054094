namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>
/// ClickHouse tests run against the Debian package's server. On CI (CI=true) a missing server is a
/// failure; on a developer machine the tests are skipped with the command that enables them.
/// </summary>
internal static class ClickHouseRequirement
{
    public const string HowToInstall = "ClickHouse is not installed: run 'apt-get install clickhouse-server' to run the ClickHouse tests";

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the calling test when ClickHouse is missing here, or fails it on CI.</summary>
    public static void Check()
    {
        if (ClickHouseServer.IsInstalled)
        {
            return;
        }
        if (OnCi)
        {
            throw new InvalidOperationException(HowToInstall + " (CI=true, so this is a failure, not a skip)");
        }
        Skip.If(true, HowToInstall);
    }
}
