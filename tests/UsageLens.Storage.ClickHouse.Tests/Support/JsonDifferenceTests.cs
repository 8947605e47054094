using System.Text.Json.Nodes;

namespace UsageLens.Storage.ClickHouse.Tests.Support;

public sealed class JsonDifferenceTests
{
    [Theory]
    [InlineData("""{"value":3}""", """{"value":4}""")]
    [InlineData("""{"value":0.5}""", """{"value":0.5000001}""")]
    [InlineData("""{"rows":[1]}""", """{"rows":[1,2]}""")]
    [InlineData("""{"key":"a"}""", """{"key":"b"}""")]
    [InlineData("""{"value":null}""", """{"value":0}""")]
    public void A_changed_count_fraction_row_or_label_is_a_difference(string left, string right) =>
        Assert.NotNull(JsonDifference.Find(JsonNode.Parse(left), JsonNode.Parse(right), "$"));

    [Fact]
    public void Fractions_within_one_billionth_are_the_same() =>
        Assert.Null(JsonDifference.Find(JsonNode.Parse("""{"value":0.1}"""), JsonNode.Parse("""{"value":0.10000000000000002}"""), "$"));
}
