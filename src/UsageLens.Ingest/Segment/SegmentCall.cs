namespace UsageLens.Ingest.Segment;

/// <summary>The Segment Tracking API call a message (or a whole single-call request) is.</summary>
public enum SegmentCall
{
    Batch,
    Track,
    Identify,
    Group,
    Page,
    Screen,
}
