using Prometheus;
using UsageLens.Server.Authentication;

namespace UsageLens.Server.Operations;

/// <summary>
/// Prometheus <c>/metrics</c>. On the API's own addresses it needs an admin key (Prometheus sends it as a Bearer
/// token: <c>authorization: { credentials_file: ... }</c>), because the API may face the internet. With
/// <see cref="ServerOptions.MetricsUrl"/> it is also served without a key on that separate, internal address,
/// which answers nothing else.
/// </summary>
internal static class MetricsEndpoints
{
    /// <summary>Serves the metrics port first, before routing and authentication: that listener only ever answers <c>/metrics</c>.</summary>
    public static IApplicationBuilder UseMetricsListener(this IApplicationBuilder app, ServerOptions options, ServerMetrics metrics)
    {
        if (options.MetricsPort() is not { } port)
        {
            return app;
        }
        // A branch of its own: prometheus-net's port filter sits inside its /metrics branch, which would answer 404
        // to /metrics on every other port.
        return app.MapWhen(context => context.Connection.LocalPort == port, metricsOnly =>
        {
            metricsOnly.UseMetricServer("/metrics", metrics.Registry);
            metricsOnly.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app, ServerMetrics metrics) =>
        app.UseHttpMetrics(http => http.SetMetricFactory(Metrics.WithCustomRegistry(metrics.Registry)));

    public static IEndpointRouteBuilder MapAdminMetrics(this IEndpointRouteBuilder app, ServerMetrics metrics)
    {
        app.MapMetrics("/metrics", metrics.Registry).RequireAuthorization(UsageLensPolicies.Admin).ExcludeFromDescription();
        return app;
    }
}
