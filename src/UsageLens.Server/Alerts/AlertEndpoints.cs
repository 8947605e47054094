using System.Globalization;
using System.Text.Json;
using UsageLens.Alerts;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Server.Authentication;

namespace UsageLens.Server.Alerts;

/// <summary>
/// <c>GET /api/v1/alerts</c>: the alert rules with their next scheduled run; <c>GET /api/v1/alerts/deliveries</c>:
/// the delivery log. Admin keys only: rules name webhooks and the log names accounts across partners.
/// Webhook secrets and URL paths (which may carry tokens) are never shown.
/// </summary>
internal static class AlertEndpoints
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts").RequireAuthorization(UsageLensPolicies.Admin).WithTags("Alerts");
        group.MapGet("/", (ServerOptions options, TimeProvider clock) => TypedResults.Json(options.Configuration.Alerts.Select(r => Rule(r, clock.GetUtcNow())), s_json))
            .WithSummary("The alert rules of the workspace configuration, with their next scheduled run (admin keys)");
        group.MapGet("/deliveries", DeliveriesAsync)
            .WithSummary("The alert delivery log, newest last (admin keys); rule= filters, limit= keeps the most recent (default 100)");
        return app;
    }

    private static async Task<IResult> DeliveriesAsync(HttpContext http, AlertServices alerts, CancellationToken cancellationToken)
    {
        var rule = http.Request.Query["rule"].FirstOrDefault();
        var limitText = http.Request.Query["limit"].FirstOrDefault();
        var limit = 100;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return TypedResults.Problem(detail: $"limit: '{limitText}' must be a whole number of at least 1", statusCode: StatusCodes.Status400BadRequest);
        }
        var deliveries = alerts.Log is { } log ? await log.DeliveriesAsync(cancellationToken).ConfigureAwait(false) : [];
        return TypedResults.Json(deliveries.Where(d => rule is null || d.Rule == rule).TakeLast(limit), s_json);
    }

    private static object Rule(AlertRule rule, DateTimeOffset now) => new
    {
        rule.Name,
        rule.Kind,
        rule.Schedule,
        rule.Enabled,
        NextRun = rule.Enabled ? AlertSchedule.Next(rule.Schedule, now) : null,
        Condition = Condition(rule),
        rule.Where,
        Webhooks = rule.Webhooks.Select(w => new { w.Name, Host = w.Url.Authority }),
    };

    private static string Condition(AlertRule rule) => rule switch
    {
        ThresholdAlertRule t => $"{t.Kpi}{(t.Metric is null ? "" : $" of {t.Metric}")}{(t.Options.Count == 0 ? "" : $" ({string.Join(", ", t.Options)})")} over {t.Period} {(t.Direction == ThresholdDirection.Above ? "above" : "below")} {t.Value.ToString(CultureInfo.InvariantCulture)}",
        AnomalyAlertRule a => $"new anomalies of severity ≥ {a.MinSeverity.ToString(CultureInfo.InvariantCulture)} in {a.Metric ?? "any meter"} on the last {a.RecentDays} days",
        HealthBandAlertRule h => h.To is null ? "an account's health band changes" : $"an account's health band changes to {h.To}",
        ChurnRiskAlertRule c => $"an account's churn risk rises above {c.Probability.ToString(CultureInfo.InvariantCulture)}",
        _ => rule.Kind,
    };
}
