using System.Text.Json;
using UsageLens.Core.Accounts;
using UsageLens.Ingest.Wire;

namespace UsageLens.Ingest.PostHog;

/// <summary>
/// Reads a PostHog capture request (<c>/batch</c>, <c>/capture</c>, <c>/i/v0/e</c>: one event, or <c>{"batch": [...]}</c>)
/// into validated records. <c>distinct_id</c> is the user, <c>uuid</c> the id that makes re-sending safe,
/// <c>properties.$groups.&lt;account group&gt;</c> (else <c>properties.account_id</c>, else the user's stored account)
/// the account. <c>$identify</c> upserts the user from <c>$set</c>, <c>$groupidentify</c> of the account group upserts
/// the account from <c>$group_set</c>, <c>$pageview</c>/<c>$screen</c> are <c>page_view</c>/<c>screen_view</c>; other
/// <c>$</c> events are PostHog's own (feature flags, exceptions, aliases) and are accepted without being stored.
/// </summary>
public sealed class PostHogReader
{
    private readonly List<IngestProblem> _problems = [];
    private readonly List<ParsedEvent> _events = [];
    private readonly List<AccountUpsert> _accounts = [];
    private readonly List<UserUpsert> _users = [];
    private readonly string _accountGroup;
    private readonly DateTimeOffset _receivedAt;
    private readonly int _maxMessageBytes;

    private PostHogReader(string accountGroup, DateTimeOffset receivedAt, int maxMessageBytes)
    {
        _accountGroup = accountGroup;
        _receivedAt = receivedAt;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>
    /// Reads one request body; <paramref name="accountGroup"/> is the PostHog group type whose key is the account
    /// (such as <c>company</c>). Every invalid message, or one over <paramref name="maxMessageBytes"/>, becomes an
    /// <see cref="IngestProblem"/> naming its field.
    /// </summary>
    public static ParsedRequest Read(JsonElement body, string accountGroup, DateTimeOffset receivedAt, int maxMessageBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountGroup);
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ParsedRequest.Refused(new IngestProblem(0, "", "the body must be a JSON object"));
        }
        var reader = new PostHogReader(accountGroup, receivedAt, maxMessageBytes);
        if (body.TryGetProperty("batch", out var batch))
        {
            reader.ReadBatch(body, batch);
        }
        else
        {
            reader.ReadMessage(body, 0);
        }
        return new ParsedRequest(reader._events, reader._accounts, reader._users, [.. reader._problems.OrderBy(p => p.Index)])
        {
            AccountField = $"properties.$groups.{accountGroup}",
            AccountAdvice = $"send properties.$groups.{accountGroup} (groups: {{ {accountGroup}: ... }}) or properties.account_id; user '{{user}}' has no stored account",
        };
    }

    private void ReadBatch(JsonElement body, JsonElement batch)
    {
        if (batch.ValueKind != JsonValueKind.Array)
        {
            new MessageFields(body, 0, _problems).Problem("batch", "must be an array of events");
            return;
        }
        var index = 0;
        foreach (var message in batch.EnumerateArray())
        {
            ReadMessage(message, index++);
        }
    }

    private void ReadMessage(JsonElement message, int index)
    {
        var fields = new MessageFields(message, index, _problems);
        if (!fields.IsObjectWithin(_maxMessageBytes, "event", "event"))
        {
            return;
        }
        var name = fields.RequiredText("event", "the event name");
        var user = fields.RequiredText("distinct_id", "the user's distinct id");
        if (name is null || user is null)
        {
            return;
        }
        switch (name)
        {
            case "$identify":
                ReadIdentify(fields, user);
                return;
            case "$groupidentify":
                ReadGroupIdentify(fields);
                return;
            case "$pageview":
                ReadEvent(fields, user, "page_view");
                return;
            case "$screen":
                ReadEvent(fields, user, "screen_view");
                return;
            case { } own when own.StartsWith('$'):
                return;
            default:
                ReadEvent(fields, user, name);
                return;
        }
    }

    private void ReadIdentify(MessageFields fields, string user)
    {
        var known = _problems.Count;
        var upsert = ProfileTraits.User(fields, user, "properties.$set");
        if (_problems.Count == known)
        {
            _users.Add(upsert);
        }
    }

    private void ReadGroupIdentify(MessageFields fields)
    {
        var known = _problems.Count;
        var type = fields.RequiredText("properties.$group_type", "the group type");
        var key = fields.RequiredText("properties.$group_key", "the group key");
        if (type != _accountGroup || key is null)
        {
            return;
        }
        var upsert = ProfileTraits.Account(fields, key, "properties.$group_set");
        if (_problems.Count == known)
        {
            _accounts.Add(upsert);
        }
    }

    private void ReadEvent(MessageFields fields, string user, string name)
    {
        var known = _problems.Count;
        if (Core.Events.EventName.Normalize(name).Length == 0)
        {
            fields.Problem("event", $"'{name}' has no letters or digits");
        }
        var id = fields.RequiredText("uuid", "the event's uuid that makes re-sending safe");
        var time = fields.Find("timestamp") is null ? _receivedAt : fields.Timestamp("timestamp");
        var groups = fields.Object("properties.$groups");
        var account = (groups is null ? null : fields.Text($"properties.$groups.{_accountGroup}")) ?? fields.Text("properties.account_id");
        var properties = UsageProperties.Read(fields, IsKept);
        if (_problems.Count > known || id is null || time is null)
        {
            return;
        }
        var usage = properties.ToEvent(new EventIdentity(id, time.Value.UtcDateTime, account, user, name));
        _events.Add(new ParsedEvent(fields.Index, usage, account is null ? user : null));
    }

    // Properties starting with $ are PostHog's own ($lib, $groups, $geoip_disable, ...), not the product's usage.
    private static bool IsKept(string name) => UsageProperties.IsKept(name) && !name.StartsWith('$');
}
