using System.Diagnostics;

namespace UsageLens.Server.Operations;

/// <summary>
/// Times a KPI or insight endpoint into <c>usagelens_query_duration_seconds</c>. The <c>name</c> label is the
/// route's name only when the catalogue knows it, so a client cannot grow the metric with made-up names.
/// </summary>
internal sealed class QueryLatencyFilter(string kind, IReadOnlyCollection<string> knownNames) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        finally
        {
            var name = context.HttpContext.GetRouteValue("name") as string;
            var label = knownNames.FirstOrDefault(known => string.Equals(known, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "unknown";
            context.HttpContext.RequestServices.GetRequiredService<ServerMetrics>().QueryDuration
                .WithLabels(kind, label).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
