using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Revenue;

/// <summary>
/// What one revenue evaluation sees: a period and, for a group-by row, the accounts of that group.
/// MRR read through it leaves out accounts outside the group.
/// </summary>
internal sealed class RevenueWindow(Period period, Func<string, bool>? member, RevenueTimeline timeline)
{
    public Period Period { get; } = period;

    public async Task<IReadOnlyDictionary<string, double>> MrrAtAsync(DateTime instant, CancellationToken cancellationToken)
    {
        var mrr = await timeline.MrrAtAsync(instant, cancellationToken).ConfigureAwait(false);
        return member is null ? mrr : mrr.Where(a => member(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }

    public Task<IReadOnlyDictionary<string, double>> MrrFromAsync(CancellationToken cancellationToken) => MrrAtAsync(Period.From, cancellationToken);

    public Task<IReadOnlyDictionary<string, double>> MrrToAsync(CancellationToken cancellationToken) => MrrAtAsync(Period.To, cancellationToken);

    /// <summary>The period's MRR movements; accounts outside the group never reach the paid-before lookup.</summary>
    public async Task<MrrMovements> MovementsAsync(CancellationToken cancellationToken)
    {
        var from = await MrrFromAsync(cancellationToken).ConfigureAwait(false);
        var to = await MrrToAsync(cancellationToken).ConfigureAwait(false);
        var paidBefore = await timeline.PaidBeforeAsync(Period.From, cancellationToken).ConfigureAwait(false);
        return RevenueMath.Movements(from, to, paidBefore);
    }
}
