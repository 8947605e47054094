using UsageLens.Core.Erasure;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;
using UsageLens.Server.GroupCommit;

namespace UsageLens.Server.Administration;

/// <summary>
/// <c>POST /api/v1/admin/erasures</c> erases a person's or an account's data (as <c>usagelens erase</c>), through the
/// server's single writer so it never races ingestion; <c>GET</c> lists the recorded erasures. Admins only.
/// </summary>
internal static class ErasureEndpoints
{
    public static IEndpointRouteBuilder MapErasureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/erasures").RequireAuthorization(UsageLensPolicies.Admin).WithTags("Administration");
        group.MapPost("/", EraseAsync)
            .WithSummary("Erase a person's or an account's data from events, rollups and profiles (admin); body {\"kind\": \"user\"|\"account\", \"id\": \"...\"}")
            .ProducesCallerMistakes();
        group.MapGet("/", async (IErasureStore erasures, CancellationToken cancellationToken) =>
                TypedResults.Json(new { Erasures = (await erasures.ListAsync(cancellationToken).ConfigureAwait(false)).Select(Json) }, SnakeCaseJson.Options))
            .WithSummary("The recorded erasures, oldest first (admin)");
        return app;
    }

    private static async Task<IResult> EraseAsync(HttpContext http, IErasureStore erasures, GroupCommitWriter writer, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        var kind = ErasureRecord.ParseKind("kind", body.Required("kind"));
        var id = ErasureRecord.CheckId("id", body.Text("id"));
        // Once started, an erasure finishes even if the caller goes away.
        var record = await writer.ExclusiveAsync(() => erasures.EraseAsync(kind, id, CancellationToken.None)).ConfigureAwait(false);
        return TypedResults.Json(Json(record), SnakeCaseJson.Options);
    }

    private static object Json(ErasureRecord record) => new { Kind = record.KindName, record.Id, record.ErasedAt, record.Rows };
}
