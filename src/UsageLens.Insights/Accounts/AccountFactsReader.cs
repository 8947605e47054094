using UsageLens.Core.Kpis;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Accounts;

/// <summary>Reads <see cref="AccountFacts"/> through the KPI catalogue and Core's planners, every window ending before as-of.</summary>
internal static class AccountFactsReader
{
    public static async Task<AccountFacts> ReadAsync(InsightRequest request, KpiContext context, string insight, CancellationToken cancellationToken)
    {
        var segments = await AccountSegmentsReader.ReadAsync(request, context, insight, cancellationToken).ConfigureAwait(false);
        var usage = await UsageWindowsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var active = await ActiveUsersReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var seats = await HealthSignalsReader.SeatsAsync(request, context, cancellationToken).ConfigureAwait(false);
        var history = await SubscriptionHistoryReader.ReadAsync(request, context, insight, cancellationToken).ConfigureAwait(false);
        var nps = await HealthSignalsReader.LatestNpsAsync(request, context, cancellationToken).ConfigureAwait(false);
        return new AccountFacts(segments, usage, active, seats, history, nps);
    }
}
