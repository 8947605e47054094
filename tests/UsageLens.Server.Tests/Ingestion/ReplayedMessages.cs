using System.Globalization;
using System.Text;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>
/// A fixed set of Segment track messages (ids <c>r-0</c>…) over 6 accounts, 2 meters and 5 days, with the
/// totals per account and meter worked out here from the messages themselves, so what the store holds
/// can be checked without the server's own code.
/// </summary>
internal sealed class ReplayedMessages
{
    private readonly List<(string Id, string Account, string Event, DateTime Time, int Quantity)> _messages = [];

    public ReplayedMessages(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            _messages.Add(($"r-{i}", $"acct-{random.Next(6)}", random.Next(2) == 0 ? "api_call" : "report_run",
                new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(5 * 24 * 60)), random.Next(1, 10)));
        }
    }

    public int Count => _messages.Count;

    /// <summary>The expected "account|event" → (events, quantity), summed over the messages.</summary>
    public Dictionary<string, (long Events, double Quantity)> Totals() =>
        _messages.GroupBy(m => $"{m.Account}|{m.Event}")
            .ToDictionary(g => g.Key, g => ((long)g.Count(), (double)g.Sum(m => m.Quantity)));

    /// <summary>A <c>/v1/batch</c> body of the messages with the given indexes, in that order.</summary>
    public string Batch(IEnumerable<int> indexes)
    {
        var body = new StringBuilder("{\"batch\":[");
        body.AppendJoin(',', indexes.Select(Message));
        return body.Append("]}").ToString();
    }

    /// <summary>The batches of <paramref name="size"/> consecutive messages that cover every message once.</summary>
    public List<string> Batches(int size) =>
        [.. Enumerable.Range(0, (Count + size - 1) / size).Select(b => Batch(Enumerable.Range(b * size, Math.Min(size, Count - b * size))))];

    public string Message(int index)
    {
        var m = _messages[index];
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"track\",\"messageId\":\"{m.Id}\",\"event\":\"{m.Event}\",\"userId\":\"u-{m.Account}\",\"timestamp\":\"{m.Time:yyyy-MM-ddTHH:mm:ss}Z\","
            + $"\"context\":{{\"groupId\":\"{m.Account}\"}},\"properties\":{{\"quantity\":{m.Quantity}}}}}");
    }
}
