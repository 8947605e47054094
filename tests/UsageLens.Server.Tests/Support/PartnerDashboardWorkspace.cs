using System.Net;

namespace UsageLens.Server.Tests.Support;

/// <summary>
/// A server whose clock says 2026-11-15 (<see cref="FixedStartClock.BrowserTestNow"/>) holding three accounts
/// active on 10 November: a (segment smb, revenue 100) and b (mid-market, 200) of partner p-north, c
/// (enterprise, 300) of partner p-south. API calls a=10, b=30, c=60 (100 in all, p-north 40); one user
/// each (ua, ub, uc) logs in; ub and uc export, ua and uc view a dashboard.
/// </summary>
internal static class PartnerDashboardWorkspace
{
    public const string NorthPartner = "p-north";

    private const string Batch = """
        {"batch": [
          {"type": "group", "messageId": "g-a", "userId": "ua", "groupId": "a", "traits": {"revenue": 100, "partner_id": "p-north", "segment": "smb"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "g-b", "userId": "ub", "groupId": "b", "traits": {"revenue": 200, "partner_id": "p-north", "segment": "mid-market"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "g-c", "userId": "uc", "groupId": "c", "traits": {"revenue": 300, "partner_id": "p-south", "segment": "enterprise"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "track", "messageId": "t-a", "userId": "ua", "event": "api_call", "properties": {"quantity": 10}, "timestamp": "2026-11-10T10:00:00Z"},
          {"type": "track", "messageId": "t-b", "userId": "ub", "event": "api_call", "properties": {"quantity": 30}, "timestamp": "2026-11-10T10:00:00Z"},
          {"type": "track", "messageId": "t-c", "userId": "uc", "event": "api_call", "properties": {"quantity": 60}, "timestamp": "2026-11-10T10:00:00Z"},
          {"type": "track", "messageId": "l-a", "userId": "ua", "event": "login", "timestamp": "2026-11-10T09:00:00Z"},
          {"type": "track", "messageId": "l-b", "userId": "ub", "event": "login", "timestamp": "2026-11-10T09:00:00Z"},
          {"type": "track", "messageId": "l-c", "userId": "uc", "event": "login", "timestamp": "2026-11-10T09:00:00Z"},
          {"type": "track", "messageId": "e-b", "userId": "ub", "event": "export", "timestamp": "2026-11-10T11:00:00Z"},
          {"type": "track", "messageId": "e-c", "userId": "uc", "event": "export", "timestamp": "2026-11-10T11:00:00Z"},
          {"type": "track", "messageId": "d-a", "userId": "ua", "event": "dashboard_view", "timestamp": "2026-11-10T12:00:00Z"},
          {"type": "track", "messageId": "d-c", "userId": "uc", "event": "dashboard_view", "timestamp": "2026-11-10T12:00:00Z"}
        ]}
        """;

    // One scheduled report per partner (disabled: listed, never run), for the reports list of the insights page.
    private const string Reports = """
        reports:
          north-weekly: { kind: overview, partner: p-north, schedule: "0 7 * * 1", enabled: false, deliver: { folder: unused } }
          south-weekly: { kind: overview, partner: p-south, schedule: "0 7 * * 1", enabled: false, deliver: { folder: unused } }
        """;

    /// <summary>Starts the server and stores the accounts; <paramref name="warmDashboard"/> as <c>usagelens serve</c> runs it.</summary>
    public static async Task<RunningServer> StartAsync(bool warmDashboard = false)
    {
        var options = new ServerOptions { Configuration = Configuration.WorkspaceConfigurationReader.Read("dashboard.yaml", Reports), WarmDashboard = warmDashboard };
        var server = await RunningServer.StartAsync(options, new FixedStartClock(FixedStartClock.BrowserTestNow));
        var response = await server.Writer().PostAsync("/v1/batch", Json.Body(Batch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return server;
    }
}
