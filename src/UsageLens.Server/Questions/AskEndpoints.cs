using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Questions;
using UsageLens.Questions.Answers;
using UsageLens.Questions.Contract;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;
using UsageLens.Server.Kpis;
using UsageLens.Server.RequestBodies;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Questions;

/// <summary>
/// <c>POST /api/v1/ask</c> answers a free-text question like <c>usagelens ask</c>. The same keys and
/// partner scoping as the KPI endpoints apply; bad input is a 400 problem (an oversized body 413), never a 500.
/// </summary>
internal static class AskEndpoints
{
    // A question is at most 1,000 characters; a body far beyond that is not a question.
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/ask", AskAsync)
            .RequireAuthorization(UsageLensPolicies.Query)
            .WithTags("Questions")
            .WithSummary("Answer a free-text question")
            .WithDescription("Body: {\"question\": \"api calls last month by segment\", \"as_of\": \"2026-11-15\" (optional)}. The answer holds the interpretation in words, the structured asks, each ask's KPI result, the SQL that ran and the chart kind (number, line, bar, table). Words that carry no meaning the parser can place are left out and listed under 'ignored', with a 'confidence' from 0 to 1; a question missing what to measure, or an ambiguous one, is a 400 problem with 'suggestions' or 'readings'. A partner key only sees its own accounts.")
            .Accepts<AskRequest>("application/json")
            .ProducesCallerMistakes()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<Ok<AskAnswerJson>> AskAsync(
        HttpContext http, IQueryStore store, WorkspaceCatalogCache catalogs, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        var today = body.AsOf is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : Core.Querying.CalendarDate.Parse("as_of", body.AsOf);
        var catalog = await catalogs.CatalogAsync(cancellationToken).ConfigureAwait(false);
        var values = await catalogs.ValuesAsync(cancellationToken).ConfigureAwait(false);
        var answer = await QuestionService.AnswerAsync(body.Question!, store, catalog, values, options.Configuration, CallerScope.Of(http.User), today, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AskJson.ToJson(answer));
    }

    // The body is bound by hand rather than as a [FromBody] parameter so that an oversized, binary or
    // malformed body is a 400 problem naming the reason (the framework's binder answers a bare 400
    // and logs why); the JSON itself is read by the source-generated AskRequest contract, whose
    // reader needs valid UTF-8, which is checked first.
    private static async Task<AskRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new UsageLensException(UsageLensErrorKind.TooLarge, $"the body is larger than {MaxBodyBytes} bytes; send {{\"question\": \"...\"}} with at most {QuestionText.MaxLength} characters");
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes))
        {
            throw new UsageLensException("the body is not valid UTF-8 text");
        }
        if (JsonText.InvalidEscape(bytes, 64) is { } invalid)
        {
            throw new UsageLensException(invalid);
        }
        AskRequest? body;
        try
        {
            body = JsonSerializer.Deserialize(bytes, ServerJsonContext.Default.AskRequest);
        }
        catch (JsonException ex)
        {
            throw new UsageLensException($"the body is not a JSON object with a \"question\" string: {ex.Message}", ex);
        }
        return body?.Question is null
            ? throw new UsageLensException("the body must be a JSON object with a \"question\" string")
            : body;
    }
}
