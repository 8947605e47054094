namespace UsageLens.Server.Contract;

/// <summary>Declares the problems <see cref="CallerMistakes"/> answers, so the OpenAPI document lists them.</summary>
internal static class ProblemResponses
{
    public static RouteHandlerBuilder ProducesCallerMistakes(this RouteHandlerBuilder builder) =>
        builder
            .AddEndpointFilter<CallerMistakes>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
