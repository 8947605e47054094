using System.Globalization;
using System.Text;

namespace UsageLens.Reliability;

/// <summary>
/// One Segment <c>/v1/batch</c> body of track messages with ids unique to it. Whatever happens to its
/// requests, it is either acknowledged (some attempt got a 2xx) or not; the body never changes, so a
/// resend is a true replay.
/// </summary>
internal sealed class SegmentBatch
{
    private static readonly string[] s_events = ["api_call", "report_run", "export_file"];
    private int _acknowledged;
    private int _attempts;

    private SegmentBatch(long number, IReadOnlyList<string> messageIds, string body)
    {
        Number = number;
        MessageIds = messageIds;
        Body = body;
    }

    public long Number { get; }

    public IReadOnlyList<string> MessageIds { get; }

    public string Body { get; }

    public bool Acknowledged => Volatile.Read(ref _acknowledged) == 1;

    public int Attempts => Volatile.Read(ref _attempts);

    public void Attempted() => Interlocked.Increment(ref _attempts);

    public void Acknowledge() => Volatile.Write(ref _acknowledged, 1);

    /// <summary>
    /// A batch of 1 to <paramref name="maxMessages"/> track calls over 12 accounts, 3 meters and 10 days
    /// of October 2026, each with an explicit timestamp and a whole-number quantity, so sums are exact.
    /// </summary>
    public static SegmentBatch Create(long number, Random random, int maxMessages)
    {
        var count = random.Next(1, maxMessages + 1);
        var ids = new string[count];
        var body = new StringBuilder("{\"batch\":[");
        for (var i = 0; i < count; i++)
        {
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"b{number}-m{i}");
            var account = random.Next(1, 13);
            var time = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 10 * 86_400));
            if (i > 0)
            {
                body.Append(',');
            }
            body.Append(CultureInfo.InvariantCulture,
                $"{{\"type\":\"track\",\"messageId\":\"{ids[i]}\",\"event\":\"{s_events[random.Next(s_events.Length)]}\",\"userId\":\"u-{account}-{random.Next(1, 4)}\","
                + $"\"timestamp\":\"{time:yyyy-MM-ddTHH:mm:ss}Z\",\"context\":{{\"groupId\":\"acct-{account}\"}},\"properties\":{{\"quantity\":{random.Next(1, 10)}}}}}");
        }
        body.Append("]}");
        return new SegmentBatch(number, ids, body.ToString());
    }
}
