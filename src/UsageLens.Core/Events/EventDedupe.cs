namespace UsageLens.Core.Events;

/// <summary>How every engine recognises an event it has stored before.</summary>
public static class EventDedupe
{
    /// <summary>
    /// How far apart in event time a resent message and its first copy may be and still be recognised: a resend
    /// carries the same timestamp, except where Segment's clock-skew correction (<c>sentAt</c> against the time
    /// received) or an arrival-timed message moves it by the resend's delay. One day, like the dedupe windows of
    /// Segment and RudderStack. Stored ids are looked up only among events timed this close to the incoming ones, so
    /// the lookup reads the same few days of a workspace of ten thousand events or of a hundred million.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);
}
