using System.Globalization;
using System.Text.Json;
using CsCheck;
using UsageLens.Ingest.CloudEvents;
using UsageLens.Ingest.Segment;

namespace UsageLens.Ingest.Tests.Wire;

/// <summary>
/// Whatever well-formed JSON a client sends, the readers answer with records or problems, never an
/// exception (which the server would turn into a 500), and what they accept is complete.
/// </summary>
public sealed class ArbitraryJsonTests
{
    private static readonly DateTimeOffset s_received = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] s_keys =
    [
        "type", "messageId", "event", "userId", "anonymousId", "groupId", "timestamp", "originalTimestamp", "sentAt",
        "properties", "context", "traits", "quantity", "unit", "account_id", "batch", "specversion", "id", "source",
        "subject", "time", "data", "user_id", "seats", "licensed_seats", "revenue", "strategic", "createdAt", "email",
    ];

    private static readonly Gen<string> s_scalar = Gen.OneOf(
        Gen.OneOf("null", "true", "false", "\"\"", "\"1.0\"", "\"track\"", "\"group\"", "\"identify\"", "\"page\"", "\"alias\"",
            "\"2026-10-01T10:00:00Z\"", "\"2026-10-01T10:00:00\"", "\"NaN\"", "1e400", "-0", "2.5", "\"acme\""),
        Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.String[0, 8].Select(s => JsonSerializer.Serialize(s)));

    private static Gen<string> Value(int depth) => depth == 0
        ? s_scalar
        : Gen.Frequency((4, s_scalar), (2, Object(depth - 1)), (1, Array(depth - 1)));

    private static Gen<string> Object(int depth) =>
        Gen.Select(Gen.OneOf(s_keys), Value(depth)).Array[0, 8]
            .Select(members => "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}");

    private static Gen<string> Array(int depth) =>
        Value(depth).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]");

    [Fact]
    public void Segment_reader_never_throws_and_accepts_only_complete_events()
    {
        Gen.OneOf(Object(3), Array(2), s_scalar).Sample(json =>
        {
            var root = JsonDocument.Parse(json).RootElement;
            foreach (var call in Enum.GetValues<SegmentCall>())
            {
                var request = SegmentReader.Read(root, call, s_received, 32 * 1024).ResolveAccounts(new Dictionary<string, string>());
                Assert.All(request.IsValid ? request.Events : [], e =>
                    Assert.True(e.Event.Id.Length > 0 && e.Event.Event.Length > 0 && e.Event.AccountId.Length > 0 && double.IsFinite(e.Event.Quantity)));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void CloudEvents_reader_never_throws_and_accepts_only_complete_events()
    {
        Gen.OneOf(Object(3), Array(2), s_scalar).Sample(json =>
        {
            var root = JsonDocument.Parse(json).RootElement;
            foreach (var batch in (bool[])[true, false])
            {
                var request = CloudEventsReader.Read(root, batch, s_received);
                Assert.All(request.IsValid ? request.Events : [], e =>
                    Assert.True(e.Event.Id.Length > 0 && e.Event.Source.Length > 0 && e.Event.AccountId.Length > 0 && double.IsFinite(e.Event.Quantity)));
            }
        }, iter: 2_000);
    }
}
