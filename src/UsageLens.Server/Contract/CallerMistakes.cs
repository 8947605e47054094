using UsageLens.Core;
using UsageLens.Questions;

namespace UsageLens.Server.Contract;

/// <summary>
/// The one place the query API turns a caller's mistake into a problem response: unknown names are
/// 404, reaching outside the key's scope is 403, an oversized body 413, anything else the caller sent wrong is 400. Other
/// exceptions are not the caller's and reach the unhandled-error handler.
/// </summary>
internal sealed class CallerMistakes : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (QuestionNotUnderstoodException refusal)
        {
            return TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status400BadRequest,
                title: refusal.IsAmbiguous ? "The question is ambiguous" : "The question was not understood",
                extensions: new Dictionary<string, object?> { ["suggestions"] = refusal.Suggestions, ["readings"] = refusal.Readings });
        }
        catch (UsageLensException mistake)
        {
            var (status, title) = mistake.Kind switch
            {
                UsageLensErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
                UsageLensErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Outside this key's scope"),
                UsageLensErrorKind.TooLarge => (StatusCodes.Status413PayloadTooLarge, "The request is too large"),
                _ => (StatusCodes.Status400BadRequest, "The request cannot be answered"),
            };
            return TypedResults.Problem(mistake.Message, statusCode: status, title: title);
        }
    }
}
