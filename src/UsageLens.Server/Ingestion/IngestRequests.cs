using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using UsageLens.Core.Storage;
using UsageLens.Ingest.Wire;
using UsageLens.Server.GroupCommit;
using UsageLens.Server.Operations;
using UsageLens.Server.RequestBodies;

namespace UsageLens.Server.Ingestion;

/// <summary>
/// The steps every ingestion endpoint shares: parse the buffered body, validate it with a wire-format
/// reader, attribute events to stored accounts, wait for the group commit, and answer.
/// </summary>
internal sealed partial class IngestRequests(IIngestionStore store, GroupCommitWriter writer, TimeProvider timeProvider, ILogger<IngestRequests> logger, ServerMetrics metrics)
{
    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 64 };

    public async Task<IResult> AcceptAsync(HttpContext context, Func<JsonElement, DateTimeOffset, ParsedRequest> read, string unitField)
    {
        var body = context.Features.GetRequiredFeature<BufferedRequestBody>();
        // JsonDocument checks string contents only when they are read, and traits and properties are
        // stored as their raw JSON: invalid bytes in a string nobody reads would reach the workspace.
        if (!Utf8.IsValid(body.Bytes.Span))
        {
            return Refused("the body is not valid UTF-8");
        }
        if (JsonText.InvalidEscape(body.Bytes.Span, s_json.MaxDepth) is { } invalid)
        {
            return Refused(invalid);
        }
        ParsedRequest request;
        try
        {
            using var document = JsonDocument.Parse(body.Bytes, s_json);
            request = read(document.RootElement, timeProvider.GetUtcNow());
        }
        catch (JsonException ex)
        {
            metrics.CountIngest(IngestOutcomes.Refused, 0);
            return Refused($"the body is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
        {
            // JsonDocument checks structure eagerly but string contents only when they are read.
            metrics.CountIngest(IngestOutcomes.Refused, 0);
            return Refused("the body is not valid UTF-8");
        }
        if (request.IsValid && request.UsersNeedingAccount is { Count: > 0 } users)
        {
            try
            {
                // A user linked to an account by a request acknowledged before this one must be found.
                await writer.AcknowledgedMergedAsync(context.RequestAborted).ConfigureAwait(false);
                request = request.ResolveAccounts(await store.GetUserAccountsAsync(users, context.RequestAborted).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store is down or failing: nothing was stored, so the client may send it again.
                LogLookupFailed(logger, ex);
                metrics.CountIngest(IngestOutcomes.Unavailable, Messages(request));
                return Unavailable(context);
            }
        }
        if (!request.IsValid)
        {
            LogRefused(logger, context.Request.Path, request.Problems.Count, request.Problems[0].Index, request.Problems[0].Field, request.Problems[0].Reason);
            // The valid messages of a refused request are not stored either.
            metrics.CountIngest(IngestOutcomes.Refused, Messages(request) + request.Problems.Select(p => p.Index).Distinct().Count());
            return Refused(request.Problems);
        }
        return await CommitAsync(context, request, unitField).ConfigureAwait(false);
    }

    private async Task<IResult> CommitAsync(HttpContext context, ParsedRequest request, string unitField)
    {
        if (Messages(request) == 0)
        {
            return TypedResults.Ok(new IngestAccepted(true));
        }
        var verdict = await writer.SubmitAsync(new PendingWrite(request, unitField), context.RequestAborted).ConfigureAwait(false);
        switch (verdict.Status)
        {
            case WriteStatus.Committed:
                metrics.CountIngest(IngestOutcomes.Accepted, Messages(request));
                return TypedResults.Ok(new IngestAccepted(true));
            case WriteStatus.Refused:
                metrics.CountIngest(IngestOutcomes.Refused, Messages(request));
                return Refused(verdict.Problems);
            default:
                metrics.CountIngest(IngestOutcomes.Unavailable, Messages(request));
                return Unavailable(context);
        }
    }

    private static int Messages(ParsedRequest request) => request.Events.Count + request.Accounts.Count + request.Users.Count;

    private static JsonHttpResult<IngestErrorResponse> Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Json(new IngestErrorResponse("the events could not be stored right now; nothing was stored, retry later"),
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking up users' accounts failed; the request was answered 503")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception);

    private static BadRequest<IngestErrorResponse> Refused(IReadOnlyList<IngestProblem> problems)
    {
        var count = problems.Select(p => p.Index).Distinct().Count();
        var noun = count == 1 ? "message is" : "messages are";
        return TypedResults.BadRequest(new IngestErrorResponse($"{count} {noun} invalid; nothing was stored", problems));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Path}: {Problems} problems, first at index {Index}, field '{Field}': {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, int problems, int index, string field, string reason);

    private static BadRequest<IngestErrorResponse> Refused(string error) => TypedResults.BadRequest(new IngestErrorResponse(error));
}
