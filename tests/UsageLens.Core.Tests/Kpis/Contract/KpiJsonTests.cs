using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;

namespace UsageLens.Core.Tests.Kpis.Contract;

public sealed class KpiJsonTests
{
    private static readonly Period s_october = new(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Period s_september = new(new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_result_with_every_field_is_written_in_the_order_and_number_form_cli_md_shows()
    {
        var result = new KpiResult("top-customer-share", "api_call", s_october, 62.5, "%", [new("top", 250), new("total", 400), new("ratio", double.NaN)])
        {
            Previous = new KpiComparison(s_september, null, []),
            Accounts = ["a1", "a2"],
            Rows = [new KpiRow([new("period", "2026-10-01"), new("segment", null)], 0.1, [new("n", 3)])],
            Sql = ["SELECT 1"],
        };

        var json = KpiJson.Serialize(result, includeSql: true);

        // Written by hand from cli.md: parts by name, NaN as null, previous without empty parts,
        // a row's keys before its value and parts.
        const string Expected = """
            {"kpi":"top-customer-share","metric":"api_call","from":"2026-10-01T00:00:00Z","to":"2026-11-01T00:00:00Z","value":62.5,"unit":"%",
            "parts":{"top":250,"total":400,"ratio":null},"previous":{"from":"2026-09-01T00:00:00Z","to":"2026-10-01T00:00:00Z","value":null},
            "accounts":["a1","a2"],"rows":[{"period":"2026-10-01","segment":null,"value":0.1,"parts":{"n":3}}],"sql":["SELECT 1"]}
            """;
        Assert.Equal(
            Expected.Replace("\n", "", StringComparison.Ordinal),
            json);
    }

    [Fact]
    public void Optional_fields_are_left_out_and_a_missing_value_is_null()
    {
        var result = new KpiResult("nps", null, s_october, null, "score", []) { Sql = ["SELECT 1"] };

        Assert.Equal(
            """{"kpi":"nps","from":"2026-10-01T00:00:00Z","to":"2026-11-01T00:00:00Z","value":null,"unit":"score"}""",
            KpiJson.Serialize(result));
    }

    [Fact]
    public void Indented_output_holds_the_same_document()
    {
        var result = new KpiResult("usage", "api_call", s_october, 1e21, "calls", []);

        var indented = KpiJson.Serialize(result, indented: true);

        Assert.Contains('\n', indented);
        Assert.Equal(
            """{"kpi":"usage","metric":"api_call","from":"2026-10-01T00:00:00Z","to":"2026-11-01T00:00:00Z","value":1E+21,"unit":"calls"}""",
            System.Text.Json.Nodes.JsonNode.Parse(indented)!.ToJsonString());
    }
}
