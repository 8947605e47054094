using System.Text;
using System.Text.Json;
using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Questions;
using UsageLens.Questions.Answers;
using UsageLens.Server.Authentication;
using UsageLens.Server.Kpis;

namespace UsageLens.Server.Questions;

/// <summary>
/// <c>POST /api/v1/ask</c> answers a free-text question like <c>usagelens ask</c>. The same keys and
/// partner scoping as the KPI endpoints apply; bad input is a 400 problem, never a 500.
/// </summary>
internal static class AskEndpoints
{
    // A question is at most 1,000 characters; a body far beyond that is not a question.
    private const int MaxBodyBytes = 16 * 1024;

    // Binary bodies fail here rather than being read as replacement characters.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/ask", AskAsync)
            .RequireAuthorization(UsageLensPolicies.Query)
            .WithTags("Questions")
            .WithSummary("Answer a free-text question")
            .WithDescription("Body: {\"question\": \"api calls last month by segment\", \"as_of\": \"2026-11-15\" (optional)}. The answer holds the interpretation in words, the structured asks, each ask's KPI result, the SQL that ran and the chart kind (number, line, bar, table). An unknown word or an ambiguous question is a 400 problem with 'suggestions' or 'readings'. A partner key only sees its own accounts.")
            .Accepts<AskRequest>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> AskAsync(HttpContext http, IQueryStore store, ServerOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            var (question, asOf) = await ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
            var today = asOf is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : Core.Querying.CalendarDate.Parse("as_of", asOf);
            var answer = await QuestionService.AnswerAsync(question, store, options.Configuration, CallerScope.Of(http.User), today, cancellationToken).ConfigureAwait(false);
            return TypedResults.Text(AskJson.Serialize(answer), "application/json");
        }
        catch (QuestionNotUnderstoodException refusal)
        {
            return TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status400BadRequest,
                title: refusal.IsAmbiguous ? "The question is ambiguous" : "The question was not understood",
                extensions: new Dictionary<string, object?> { ["suggestions"] = refusal.Suggestions, ["readings"] = refusal.Readings });
        }
        catch (UsageLensException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The question cannot be answered");
        }
    }

    private static async Task<(string Question, string? AsOf)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new UsageLensException($"the body is larger than {MaxBodyBytes} bytes; send {{\"question\": \"...\"}} with at most {QuestionText.MaxLength} characters");
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            using var json = JsonDocument.Parse(s_strictUtf8.GetString(buffer.ToArray()));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("question", out var question) || question.ValueKind != JsonValueKind.String)
            {
                throw new UsageLensException("the body must be a JSON object with a \"question\" string");
            }
            var asOf = root.TryGetProperty("as_of", out var day) && day.ValueKind == JsonValueKind.String ? day.GetString() : null;
            return (question.GetString()!, asOf);
        }
        catch (JsonException ex)
        {
            throw new UsageLensException($"the body is not valid JSON: {ex.Message}", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new UsageLensException("the body is not valid UTF-8 text", ex);
        }
    }
}
