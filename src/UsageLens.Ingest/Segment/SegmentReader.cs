using System.Text.Json;
using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Ingest.Wire;

namespace UsageLens.Ingest.Segment;

/// <summary>
/// Reads a Segment Tracking API request (<c>/v1/batch</c> or a single call) into validated records.
/// Messages are read in order, so a <c>track</c> finds the account of a user grouped earlier in the
/// same batch; users grouped only in the store are left for <see cref="ParsedRequest.ResolveAccounts"/>.
/// </summary>
public sealed class SegmentReader
{
    private readonly List<IngestProblem> _problems = [];
    private readonly List<ParsedEvent> _events = [];
    private readonly List<AccountUpsert> _accounts = [];
    private readonly List<UserUpsert> _users = [];
    private readonly Dictionary<string, string> _groupedUsers = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _receivedAt;
    private readonly int _maxMessageBytes;
    private DateTimeOffset? _batchSentAt;

    private SegmentReader(DateTimeOffset receivedAt, int maxMessageBytes)
    {
        _receivedAt = receivedAt;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>
    /// Reads one request body sent to the endpoint of <paramref name="call"/>; every message larger than
    /// <paramref name="maxMessageBytes"/> or invalid becomes an <see cref="IngestProblem"/> naming its field.
    /// </summary>
    public static ParsedRequest Read(JsonElement body, SegmentCall call, DateTimeOffset receivedAt, int maxMessageBytes)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ParsedRequest.Refused(new IngestProblem(0, "", "the body must be a JSON object"));
        }
        var reader = new SegmentReader(receivedAt, maxMessageBytes);
        if (call == SegmentCall.Batch)
        {
            reader.ReadBatch(body);
        }
        else
        {
            reader.ReadMessage(body, 0, call);
        }
        return new ParsedRequest(reader._events, reader._accounts, reader._users, [.. reader._problems.OrderBy(p => p.Index)]);
    }

    private void ReadBatch(JsonElement body)
    {
        var envelope = new MessageFields(body, 0, _problems);
        _batchSentAt = envelope.Timestamp("sentAt");
        if (envelope.Find("batch") is not { ValueKind: JsonValueKind.Array } batch)
        {
            envelope.Problem("batch", "required: an array of messages");
            return;
        }
        var index = 0;
        foreach (var message in batch.EnumerateArray())
        {
            ReadBatchMessage(message, index++);
        }
    }

    private void ReadBatchMessage(JsonElement message, int index)
    {
        var fields = new MessageFields(message, index, _problems);
        if (!fields.IsObjectWithin(_maxMessageBytes, "message", "call"))
        {
            return;
        }
        var type = fields.RequiredText("type", "track, identify, group, page or screen");
        switch (type)
        {
            case null:
                return;
            case "track" or "identify" or "group" or "page" or "screen":
                ReadMessage(message, index, Enum.Parse<SegmentCall>(type, ignoreCase: true));
                return;
            default:
                fields.Problem("type", $"'{type}' is not a supported call (track, identify, group, page, screen)");
                return;
        }
    }

    private void ReadMessage(JsonElement message, int index, SegmentCall call)
    {
        var fields = new MessageFields(message, index, _problems);
        switch (call)
        {
            case SegmentCall.Identify:
                ReadIdentify(fields);
                break;
            case SegmentCall.Group:
                ReadGroup(fields);
                break;
            default:
                ReadEvent(fields, call);
                break;
        }
    }

    private void ReadIdentify(MessageFields fields)
    {
        var known = _problems.Count;
        var user = UserOf(fields);
        if (user is null)
        {
            fields.Problem("userId", "required: identify needs a userId or anonymousId");
            return;
        }
        var upsert = ProfileTraits.User(fields, user);
        if (_problems.Count == known)
        {
            _users.Add(upsert);
        }
    }

    private void ReadGroup(MessageFields fields)
    {
        var known = _problems.Count;
        var account = fields.RequiredText("groupId", "the account id");
        var user = UserOf(fields);
        if (account is null)
        {
            return;
        }
        var upsert = ProfileTraits.Account(fields, account);
        if (_problems.Count > known)
        {
            return;
        }
        _accounts.Add(upsert);
        if (user is not null)
        {
            _users.Add(new UserUpsert(user, account, null, null, null));
            _groupedUsers[user] = account;
        }
    }

    private void ReadEvent(MessageFields fields, SegmentCall call)
    {
        var known = _problems.Count;
        var name = call switch
        {
            SegmentCall.Page => "page_view",
            SegmentCall.Screen => "screen_view",
            _ => fields.RequiredText("event", "the event name"),
        };
        var normalized = name is null ? "" : EventName.Normalize(name);
        if (name is not null && normalized.Length == 0)
        {
            fields.Problem("event", $"'{name}' has no letters or digits");
        }
        var id = fields.RequiredText("messageId", "the message id that makes re-sending safe");
        var time = SegmentTime.Resolve(fields, _batchSentAt, _receivedAt);
        var user = UserOf(fields);
        var account = fields.Text("context.groupId") ?? fields.Text("properties.account_id");
        var properties = UsageProperties.Read(fields, UsageProperties.IsKept);
        if (account is null && user is not null && _groupedUsers.TryGetValue(user, out var grouped))
        {
            account = grouped;
        }
        if (account is null && user is null)
        {
            fields.Problem("context.groupId", "no account: send context.groupId or properties.account_id, or a userId that was grouped with an account");
        }
        if (_problems.Count > known || id is null || time is null || name is null)
        {
            return;
        }
        var usage = properties.ToEvent(new EventIdentity(id, time.Value, account, user, name));
        _events.Add(new ParsedEvent(fields.Index, usage, account is null ? user : null));
    }

    // Segment identifies a person by userId, or by anonymousId before they log in.
    private static string? UserOf(MessageFields fields) => fields.Text("userId") ?? fields.Text("anonymousId");
}
