using System.Diagnostics;

namespace UsageLens.Server.Operations;

/// <summary>
/// One log entry per request once it is answered: request id, method, route, status and duration. The route is
/// the endpoint's pattern (or the path when none matched), never the query string, headers or body, so no key
/// is ever written to the log. The server's own requests (<see cref="OwnRequestMark"/>) are left out.
/// </summary>
internal sealed partial class RequestLogging(RequestDelegate next, OwnRequestMark own, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information) && !own.IsOn(context.Request))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "/";
                var method = context.Request.Method;
                var status = context.Response.StatusCode;
                LogAnswered(logger, context.TraceIdentifier, method, route, status, elapsed);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{RequestId} {Method} {Route} answered {Status} in {DurationMs:0.0} ms")]
    private static partial void LogAnswered(ILogger logger, string requestId, string method, string route, int status, double durationMs);
}
