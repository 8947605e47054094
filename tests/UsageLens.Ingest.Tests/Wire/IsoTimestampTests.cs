using UsageLens.Ingest.Wire;

namespace UsageLens.Ingest.Tests.Wire;

public sealed class IsoTimestampTests
{
    [Theory]
    [InlineData("2026-10-01T10:00:00Z", 10)]
    [InlineData("2026-10-01T10:00:00.123+02:00", 8)]
    [InlineData("2026-10-01T10:00:00-0330", 13)]
    [InlineData("2026-10-01 10:00:00+00:00", 10)]
    public void A_timestamp_with_an_offset_is_read_in_utc(string text, int utcHour)
    {
        Assert.True(IsoTimestamp.TryParse(text, out var value, out _));
        Assert.Equal(utcHour, value.UtcDateTime.Hour);
    }

    [Theory]
    [InlineData("2026-10-01T10:00:00", "'2026-10-01T10:00:00' has no UTC offset")]
    [InlineData("2026-10-01", "'2026-10-01' has no UTC offset")]
    [InlineData("01/10/2026 10:00 +02:00", "'01/10/2026 10:00 +02:00' is not an ISO 8601 timestamp")]
    [InlineData("2026-13-01T10:00:00Z", "'2026-13-01T10:00:00Z' is not a valid date and time")]
    public void A_timestamp_without_an_offset_or_not_iso_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(IsoTimestamp.TryParse(text, out _, out var actual));
        Assert.Equal(reason, actual);
    }
}
