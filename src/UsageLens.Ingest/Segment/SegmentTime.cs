using UsageLens.Ingest.Wire;

namespace UsageLens.Ingest.Segment;

/// <summary>
/// When a Segment message happened. <c>timestamp</c> wins; otherwise the device's <c>originalTimestamp</c>
/// is shifted by how far the device clock was off when it sent the request (<c>sentAt</c> against our
/// receive time), which is Segment's clock-skew correction; otherwise the receive time.
/// </summary>
internal static class SegmentTime
{
    /// <summary>The UTC time, or <see langword="null"/> when a present timestamp was invalid (a problem is recorded).</summary>
    public static DateTime? Resolve(MessageFields fields, DateTimeOffset? batchSentAt, DateTimeOffset receivedAt)
    {
        if (fields.Find("timestamp") is not null)
        {
            return fields.Timestamp("timestamp")?.UtcDateTime;
        }
        if (fields.Find("originalTimestamp") is null)
        {
            return receivedAt.UtcDateTime;
        }
        var device = fields.Timestamp("originalTimestamp");
        var sentAt = fields.Find("sentAt") is null ? batchSentAt : fields.Timestamp("sentAt");
        if (device is null || (sentAt is null && fields.Find("sentAt") is not null))
        {
            return null;
        }
        var skew = sentAt is { } sent ? receivedAt - sent : TimeSpan.Zero;
        // A device clock near year 1 or 9999 with a wildly different sentAt would shift past the calendar.
        if (skew > DateTimeOffset.MaxValue - device.Value || skew < DateTimeOffset.MinValue - device.Value)
        {
            fields.Problem("originalTimestamp", "shifted by the clock skew between sentAt and the time received, it falls outside the calendar");
            return null;
        }
        return (device.Value + skew).UtcDateTime;
    }
}
