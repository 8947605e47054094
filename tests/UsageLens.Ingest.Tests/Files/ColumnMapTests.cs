using UsageLens.Core;
using UsageLens.Ingest.Files;

namespace UsageLens.Ingest.Tests.Files;

public sealed class ColumnMapTests
{
    [Fact]
    public void Pairs_are_split_at_the_first_equals_sign_and_trimmed()
    {
        var map = ColumnMap.Parse([" ts = timestamp", "a=b=c"]);

        Assert.Equal("timestamp", map["TS"]);
        Assert.Equal("b=c", map["a"]);
    }

    [Theory]
    [InlineData("timestamp", "--map 'timestamp' must look like their_name=our_name")]
    [InlineData("=timestamp", "--map '=timestamp' must look like their_name=our_name")]
    [InlineData("ts=", "--map 'ts=' must look like their_name=our_name")]
    public void A_malformed_pair_is_refused(string pair, string message)
    {
        Assert.Equal(message, Assert.Throws<UsageLensException>(() => ColumnMap.Parse([pair])).Message);
    }

    [Fact]
    public void Mapping_one_column_twice_is_refused()
    {
        Assert.Equal("--map names column 'TS' more than once",
            Assert.Throws<UsageLensException>(() => ColumnMap.Parse(["ts=timestamp", "TS=time"])).Message);
    }
}
