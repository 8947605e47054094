using UsageLens.Core;
using UsageLens.Ingest.Files;

namespace UsageLens.Ingest.Tests.Files;

public sealed class ColumnResolverTests
{
    private static readonly CanonicalSchema s_events = CanonicalSchema.For(ImportKind.Events);

    private static ResolvedColumns Resolve(string[] header, params string[] map) =>
        ColumnResolver.Resolve("events.csv", header, ColumnMap.Parse(map), s_events);

    private static string Refusal(string[] header, params string[] map) =>
        Assert.Throws<UsageLensException>(() => Resolve(header, map)).Message;

    [Fact]
    public void Names_match_canonical_columns_ignoring_case_and_surrounding_spaces()
    {
        var resolved = Resolve([" Timestamp", "ACCOUNT_ID ", "Event"]);

        Assert.Equal(new SourceColumn(0, "Timestamp"), resolved.SourceOf("timestamp"));
        Assert.Equal(2, resolved.SourceOf("event")!.Position);
        Assert.Null(resolved.SourceOf("quantity"));
    }

    [Fact]
    public void A_file_without_an_id_column_generates_ids()
    {
        Assert.True(Resolve(["timestamp", "account_id", "event"]).GeneratesIds);
        Assert.False(Resolve(["id", "timestamp", "account_id", "event"]).GeneratesIds);
    }

    [Fact]
    public void Unknown_columns_become_extras_under_their_mapped_names()
    {
        var resolved = Resolve(["timestamp", "account_id", "event", "Region", "cust_tier"], "cust_tier=tier");

        Assert.Equal([new SourceColumn(3, "Region"), new SourceColumn(4, "tier")], resolved.Extras);
    }

    [Fact]
    public void Kinds_without_traits_ignore_unknown_columns_and_list_them()
    {
        var resolved = ColumnResolver.Resolve("subs.csv", ["account_id", "effective_at", "mrr", "stripe_id"], ColumnMap.None, CanonicalSchema.For(ImportKind.Subscriptions));

        Assert.Empty(resolved.Extras);
        Assert.Equal(["stripe_id"], resolved.Ignored);
    }

    [Fact]
    public void Map_renames_a_column_matching_its_name_case_insensitively()
    {
        var resolved = Resolve(["When", "account_id", "event"], "when=timestamp");

        Assert.Equal(new SourceColumn(0, "timestamp"), resolved.SourceOf("timestamp"));
    }

    [Fact]
    public void Map_naming_a_column_the_file_lacks_is_refused_listing_the_files_columns()
    {
        Assert.Equal(
            "events.csv: --map ts=timestamp names column 'ts', which the file does not have (its columns: time, account_id, event)",
            Refusal(["time", "account_id", "event"], "ts=timestamp"));
    }

    [Fact]
    public void Missing_required_columns_are_all_named()
    {
        Assert.Equal("events.csv: missing required columns 'timestamp', 'event'", Refusal(["id", "account_id"]));
    }

    [Fact]
    public void A_name_repeated_in_another_case_is_a_duplicate()
    {
        Assert.Equal("events.csv: column 'event' appears more than once", Refusal(["timestamp", "account_id", "event", "EVENT"]));
    }

    [Fact]
    public void A_map_that_creates_a_duplicate_says_so()
    {
        Assert.Equal(
            "events.csv: column 'timestamp' appears more than once (after --map ts=timestamp)",
            Refusal(["ts", "timestamp", "account_id", "event"], "ts=timestamp"));
    }

    [Fact]
    public void An_unnamed_column_is_refused_with_its_position()
    {
        Assert.Equal("events.csv: column 3 has no name", Refusal(["timestamp", "account_id", "  ", "event"]));
    }
}
