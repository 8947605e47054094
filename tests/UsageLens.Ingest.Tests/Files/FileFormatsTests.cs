using UsageLens.Core;
using UsageLens.Ingest.Files;

namespace UsageLens.Ingest.Tests.Files;

public sealed class FileFormatsTests
{
    [Theory]
    [InlineData("events.csv", FileFormat.Csv)]
    [InlineData("data/EVENTS.CSV", FileFormat.Csv)]
    [InlineData("events.jsonl", FileFormat.JsonLines)]
    [InlineData("events.ndjson", FileFormat.JsonLines)]
    [InlineData("events.json", FileFormat.JsonLines)]
    [InlineData("events.parquet", FileFormat.Parquet)]
    public void The_extension_decides_the_format(string file, FileFormat format)
    {
        Assert.Equal(format, FileFormats.Detect(file));
    }

    [Theory]
    [InlineData("events.xlsx", "events.xlsx: unknown file type '.xlsx'; use .csv, .jsonl, .ndjson, .json or .parquet")]
    [InlineData("events", "events: the file has no extension; use .csv, .jsonl, .ndjson, .json or .parquet")]
    public void Other_extensions_are_refused_naming_the_file(string file, string message)
    {
        Assert.Equal(message, Assert.Throws<UsageLensException>(() => FileFormats.Detect(file)).Message);
    }

    [Fact]
    public void Import_kinds_parse_from_their_command_line_words()
    {
        Assert.Equal(ImportKind.Subscriptions, ImportKinds.Parse("Subscriptions"));
        Assert.Equal("nps", ImportKinds.Word(ImportKind.Nps));
        Assert.Equal("unknown import kind 'event'; use one of events, accounts, users, subscriptions, nps",
            Assert.Throws<UsageLensException>(() => ImportKinds.Parse("event")).Message);
    }
}
