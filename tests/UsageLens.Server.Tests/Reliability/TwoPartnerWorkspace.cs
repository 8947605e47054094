using System.Net;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>
/// A server whose accounts belong to two partners, with ids, names and user e-mails that cannot occur by chance:
/// p-north holds north-acct-1 "Northwind Traders" (10 API calls in October 2026) and north-acct-2 "Nordic Widgets" (30);
/// p-south holds south-acct-1 "Southwave Labs" (60). By hand: 100 API calls in all, 40 for p-north, 60 for p-south.
/// </summary>
public sealed class TwoPartnerWorkspace : IAsyncLifetime
{
    public const double AllCalls = 100;
    public const double NorthCalls = 40;
    public const double SouthCalls = 60;

    private const string Batch = """
        {"batch": [
          {"type": "group", "messageId": "g-n1", "userId": "north-user-1", "groupId": "north-acct-1", "traits": {"name": "Northwind Traders", "revenue": 1000, "segment": "enterprise", "partner_id": "p-north"}, "timestamp": "2026-09-01T00:00:00Z"},
          {"type": "group", "messageId": "g-n2", "userId": "north-user-2", "groupId": "north-acct-2", "traits": {"name": "Nordic Widgets", "revenue": 2000, "segment": "smb", "partner_id": "p-north"}, "timestamp": "2026-09-01T00:00:00Z"},
          {"type": "group", "messageId": "g-s1", "userId": "south-user-1", "groupId": "south-acct-1", "traits": {"name": "Southwave Labs", "revenue": 4000, "segment": "enterprise", "partner_id": "p-south"}, "timestamp": "2026-09-01T00:00:00Z"},
          {"type": "identify", "messageId": "i-n1", "userId": "north-user-1", "traits": {"email": "ana@northwind.example"}, "timestamp": "2026-09-01T00:00:00Z"},
          {"type": "identify", "messageId": "i-s1", "userId": "south-user-1", "traits": {"email": "sam@southwave.example"}, "timestamp": "2026-09-01T00:00:00Z"},
          {"type": "track", "messageId": "t-n1", "userId": "north-user-1", "event": "api_call", "properties": {"quantity": 10}, "timestamp": "2026-10-05T10:00:00Z"},
          {"type": "track", "messageId": "t-n2", "userId": "north-user-2", "event": "api_call", "properties": {"quantity": 30}, "timestamp": "2026-10-06T10:00:00Z"},
          {"type": "track", "messageId": "t-s1", "userId": "south-user-1", "event": "api_call", "properties": {"quantity": 60}, "timestamp": "2026-10-07T10:00:00Z"},
          {"type": "track", "messageId": "l-n1", "userId": "north-user-1", "event": "login", "timestamp": "2026-10-08T10:00:00Z"},
          {"type": "track", "messageId": "l-s1", "userId": "south-user-1", "event": "login", "timestamp": "2026-10-09T10:00:00Z"}
        ]}
        """;

    private RunningServer? _server;

    internal RunningServer Server => _server ?? throw new InvalidOperationException("the server is not started");

    /// <summary>The keys of the matrix by role name: admin, analyst, viewer, partner-a (p-north), partner-b (p-south), writer.</summary>
    internal IReadOnlyDictionary<string, string> Keys { get; private set; } = new Dictionary<string, string>();

    /// <summary>What each partner must never see of the other: account ids, names, partner id, user ids and e-mails.</summary>
    internal static IReadOnlyDictionary<string, string[]> Foreign { get; } = new Dictionary<string, string[]>
    {
        ["partner-a"] = ["south-acct-1", "Southwave", "p-south", "south-user-1", "sam@southwave.example"],
        ["partner-b"] = ["north-acct-1", "north-acct-2", "Northwind", "Nordic Widgets", "p-north", "north-user-1", "north-user-2", "ana@northwind.example"],
    };

    // One scheduled report per partner, named after it, so a report list that leaks the other partner's shows its name.
    // Disabled: the matrix only lists them, nothing is ever written.
    private const string Reports = """
        reports:
          northwind-weekly: { kind: overview, partner: p-north, schedule: "0 7 * * 1", enabled: false, deliver: { folder: unused } }
          southwave-weekly: { kind: overview, partner: p-south, schedule: "0 7 * * 1", enabled: false, deliver: { folder: unused } }
        """;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions { RequestsPerSecondPerKey = 100_000, RequestBurstPerKey = 100_000, Configuration = Configuration.WorkspaceConfigurationReader.Read("matrix.yaml", Reports) });
        var seeded = await Server.Writer().PostAsync("/v1/batch", Json.Body(Batch));
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        Keys = new Dictionary<string, string>
        {
            ["admin"] = Server.AdminKey,
            ["analyst"] = Server.AnalystKey,
            ["viewer"] = (await Server.Store.Keys.CreateAsync(ApiKeyRole.Viewer, null, default)).Key,
            ["partner-a"] = (await Server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key,
            ["partner-b"] = (await Server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-south", default)).Key,
            ["writer"] = Server.WriterKey,
        };
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    internal HttpClient Client(string role) => role == "none" ? Server.ClientWithKey(null) : Server.ClientWithBearer(Keys[role]);

    internal long Events() => Server.Count("SELECT count(*) FROM events");
}
