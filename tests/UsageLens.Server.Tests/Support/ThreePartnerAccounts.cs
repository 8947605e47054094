using System.Net;

namespace UsageLens.Server.Tests.Support;

/// <summary>
/// A server holding three accounts sent over Segment: a (revenue 100) and b (200) of partner p-north,
/// c (300) of partner p-south, whose October API calls are a=10, b=30 and c=60, 100 in all.
/// </summary>
internal static class ThreePartnerAccounts
{
    private const string Batch = """
        {"batch": [
          {"type": "group", "messageId": "g-a", "userId": "ua", "groupId": "a", "traits": {"revenue": 100, "partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "g-b", "userId": "ub", "groupId": "b", "traits": {"revenue": 200, "partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "g-c", "userId": "uc", "groupId": "c", "traits": {"revenue": 300, "partner_id": "p-south"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "track", "messageId": "t-a", "userId": "ua", "event": "API Call", "properties": {"quantity": 10}, "timestamp": "2026-10-05T10:00:00Z"},
          {"type": "track", "messageId": "t-b", "userId": "ub", "event": "API Call", "properties": {"quantity": 30}, "timestamp": "2026-10-06T10:00:00Z"},
          {"type": "track", "messageId": "t-c", "userId": "uc", "event": "API Call", "properties": {"quantity": 60}, "timestamp": "2026-10-07T10:00:00Z"}
        ]}
        """;

    public static async Task<RunningServer> StartAsync(Func<Core.Storage.IWorkspaceStore, Core.Storage.IWorkspaceStore>? decorate = null, ServerOptions? options = null)
    {
        var server = await RunningServer.StartAsync(options, decorate: decorate);
        var response = await server.Writer().PostAsync("/v1/batch", Json.Body(Batch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return server;
    }
}
