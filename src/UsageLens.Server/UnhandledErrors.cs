using UsageLens.Server.Ingestion;

namespace UsageLens.Server;

/// <summary>
/// The last resort: the exception handler middleware logs the exception, and the client gets a plain
/// 500 without a stack trace. Client mistakes never get here; they are answered 4xx where they are found.
/// </summary>
internal static class UnhandledErrors
{
    public static IApplicationBuilder UseUnhandledErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new IngestErrorResponse("internal server error; the server log has the details")).ConfigureAwait(false);
        }));
}
