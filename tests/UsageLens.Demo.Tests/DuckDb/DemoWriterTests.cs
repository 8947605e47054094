using System.Globalization;
using UsageLens.Core;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Demo.Tests.DuckDb;

public sealed class DemoWriterTests
{
    // Order-independent: sums of row hashes over every column a user can see.
    private const string Checksum = """
        SELECT (SELECT count(*) || ':' || sum(hash(source, id, timestamp, account_id, user_id, event, quantity, unit, product,
                                                 classification, CAST(properties AS VARCHAR), ingested_at)) FROM events)
            || '/' || (SELECT sum(hash(account_id, name, segment, region, plan, partner_id, revenue, contract_value, cltv,
                                       strategic, licensed_seats, created_at, CAST(traits AS VARCHAR), updated_at)) FROM accounts)
            || '/' || (SELECT sum(hash(user_id, account_id, email, created_at, CAST(traits AS VARCHAR), updated_at)) FROM users)
            || '/' || (SELECT sum(hash(account_id, effective_at, plan, mrr, seats, CAST(included_units AS VARCHAR))) FROM subscriptions)
            || '/' || (SELECT sum(hash(account_id, user_id, responded_at, score, comment)) FROM nps)
        """;

    private static DemoOptions Small(int seed) => new(new DateOnly(2026, 11, 15), Accounts: 30, Days: DemoOptions.MinDays, Seed: seed);

    [Fact]
    public void The_same_seed_writes_identical_tables_and_another_seed_does_not()
    {
        var first = WriteAndChecksum(Small(11));
        var again = WriteAndChecksum(Small(11));
        var other = WriteAndChecksum(Small(12));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_workspace_that_holds_data_is_refused_and_left_as_it_was()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        var scenario = DemoScenario.Build(Small(11));
        var written = new DemoWriter(workspace).Write(scenario);

        var error = Assert.Throws<UsageLensException>(() => new DemoWriter(workspace).Write(scenario));

        Assert.Equal("workspace ':memory:' already holds data; the demo needs a new, empty workspace", error.Message);
        Assert.Equal(written, Count(workspace, "SELECT count(*) FROM events"));
        Assert.Equal(5L, Count(workspace, "SELECT count(*) FROM partners"));
    }

    [Fact]
    public void A_cancelled_write_leaves_the_workspace_empty()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => new DemoWriter(workspace).Write(DemoScenario.Build(Small(11)), null, cancellation.Token));

        Assert.Equal(0L, Count(workspace, "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM accounts) + (SELECT count(*) FROM meters)"));
    }

    [Fact]
    public void Progress_counts_events_up_to_the_total_stored()
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        var reports = new List<DemoProgress>();
        var scenario = DemoScenario.Build(Small(11));

        new DemoWriter(workspace).Write(scenario, new SynchronousProgress(reports.Add));

        var stored = Count(workspace, "SELECT count(*) FROM events");
        Assert.Equal(("profiles", 0L), (reports[0].Stage, reports[0].Done));
        Assert.Equal(new DemoProgress("done", stored, stored), reports[^1]);
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
    }

    private static string WriteAndChecksum(DemoOptions options)
    {
        using var workspace = DuckDbWorkspace.Open(":memory:");
        new DemoWriter(workspace).Write(DemoScenario.Build(options));
        using var connection = workspace.OpenConnection();
        return Convert.ToString(DuckDbCommands.Scalar(connection, Checksum), CultureInfo.InvariantCulture)!;
    }

    private static long Count(DuckDbWorkspace workspace, string sql)
    {
        using var connection = workspace.OpenConnection();
        return Convert.ToInt64(DuckDbCommands.Scalar(connection, sql), CultureInfo.InvariantCulture);
    }

    private sealed class SynchronousProgress(Action<DemoProgress> report) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => report(value);
    }
}
