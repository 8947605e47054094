using UsageLens.Core.Events;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Querying;

/// <summary>A top-level property reads the same on both engines, whatever else the object holds.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class JsonPropertyTests(ClickHouseServers servers)
{
    private static readonly string[] s_properties =
    [
        """{"format":"csv"}""",
        """{"format":"it's \"quoted\" \\ é 😀"}""",
        """{"format":12.5}""",
        """{"format":true}""",
        """{"format":null}""",
        """{"other":1}""",
        """{"format":{"x":1}}""",
        """{"format":[1,"a"]}""",
        """{"meta":{"format":"nested"},"format":"top"}""",
        """{"a":"\"format\":\"in a string\""}""",
    ];

    // 18.16's visitParam functions find the first "key": anywhere in the text, nested levels included,
    // which is why nested values are stored as JSON text.
    private static readonly string[] s_nestedOnly =
    [
        """{"meta":{"format":"nested only"}}""",
        """{"list":[{"format":"in array"}]}""",
    ];

    [SkippableFact]
    public async Task A_top_level_property_reads_the_same_on_both_engines() => await AssertSameAsync(s_properties);

    [SkippableFact]
    public async Task A_key_only_inside_a_nested_value_is_no_property_on_both_engines() => await AssertSameAsync(s_nestedOnly);

    private async Task AssertSameAsync(string[] properties)
    {
        ClickHouseRequirement.Check();
        using var pair = await EnginePair.OpenAsync(servers.SingleDatabase());
        await pair.WriteAsync(IngestBatch.OfEvents([.. properties.Select((p, i) =>
            new UsageEvent($"e{i:D2}", "", SampleEvents.Day, "a1", null, "export", 1, "count", null, null, p, null))]));
        var query = new SqlSelect(
            [new SqlSelectItem(new SqlColumn("e", "id"), "id"), new SqlSelectItem(new SqlJsonText(new SqlColumn("e", "properties"), "format"), "format")],
            new SqlTable(WorkspaceTable.Events, "e"),
            OrderBy: [new SqlOrder(new SqlColumn("e", "id"))]);

        var (duck, clickHouse) = await pair.QueryBothAsync(query);

        Assert.Equal(
            string.Join("\n", duck.Select(r => $"{r[0]}: {r[1] ?? "NULL"}")),
            string.Join("\n", clickHouse.Select(r => $"{r[0]}: {r[1] ?? "NULL"}")));
    }
}
