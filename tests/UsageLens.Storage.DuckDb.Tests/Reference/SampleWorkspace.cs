using System.Globalization;
using UsageLens.Core.Configuration;
using UsageLens.Core.Finance;
using UsageLens.Storage.DuckDb.Tests.Querying;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// A small random workspace held as plain lists, so a reference implementation can compute every
/// KPI with LINQ, and loadable into a real in-memory DuckDB workspace for the production KPIs.
/// </summary>
internal sealed record SampleWorkspace(
    IReadOnlyList<SampleAccount> Accounts,
    IReadOnlyList<SampleUser> Users,
    IReadOnlyList<SampleEvent> Events,
    IReadOnlyList<SampleSubscription> Subscriptions,
    IReadOnlyList<SampleAnswer> Answers,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SampleMeterPrice>> RatePlans,
    DateTime From,
    DateTime To)
{
    public string FromText => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string ToText => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The CRM segment of an account; null for an account the CRM does not know.</summary>
    public string? SegmentOf(string account) => Accounts.FirstOrDefault(a => a.Id == account)?.Segment;

    /// <summary>Whether a caller scoped to <paramref name="partner"/> (null: everyone) sees the account; accounts unknown to the CRM belong to no partner.</summary>
    public bool InScope(string? account, string? partner) =>
        partner is null || Accounts.Any(a => a.Id == account && a.Partner == partner);

    /// <summary>Every account id that appears anywhere, CRM or not.</summary>
    public IEnumerable<string> AllAccountIds =>
        Accounts.Select(a => a.Id).Concat(Events.Select(e => e.Account)).Concat(Subscriptions.Select(s => s.Account)).Concat(Answers.Select(a => a.Account)).Distinct();

    public SmallWorkspace Load()
    {
        var workspace = new SmallWorkspace();
        foreach (var account in Accounts)
        {
            workspace.Account(account.Id, account.Revenue, account.Segment, account.Partner, account.Strategic, account.Seats);
        }
        foreach (var user in Users)
        {
            workspace.User(user.Id, user.Account, user.CreatedAt?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        }
        foreach (var e in Events)
        {
            workspace.Event(e.Account, e.User, e.At, e.Name, e.Quantity);
        }
        foreach (var s in Subscriptions)
        {
            var included = s.IncludedApiCalls is { } units ? string.Create(CultureInfo.InvariantCulture, $"{{\"api_call\": {units}}}") : null;
            workspace.Subscription(s.Account, s.EffectiveAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), s.Mrr, s.Plan, included);
        }
        foreach (var answer in Answers)
        {
            workspace.Nps(answer.Account, answer.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), answer.Score, answer.User);
        }
        return workspace;
    }

    public WorkspaceConfiguration Configuration() => new(RatePlans.ToDictionary(
        plan => plan.Key,
        plan => new RatePlan(plan.Key, plan.Value.ToDictionary(
            meter => meter.Key,
            meter => new MeterPrice(
                meter.Value.Included,
                meter.Value.Tiers.Count == 0 ? meter.Value.UnitPrice : (double?)null,
                meter.Value.Volume ? TierMode.Volume : TierMode.Graduated,
                meter.Value.Tiers.Select(t => new PriceTier(t.UpTo, t.UnitPrice, t.FlatFee)).ToList())))));

    // Printed by CsCheck for the shrunk failing case, so it reads as data.
    public override string ToString()
    {
        var lines = new List<string> { $"period [{FromText}, {ToText})" };
        lines.AddRange(Accounts.Select(a => $"account {a.Id} revenue={a.Revenue} segment={a.Segment} partner={a.Partner} strategic={a.Strategic} seats={a.Seats}"));
        lines.AddRange(Users.Select(u => $"user {u.Id} account={u.Account} created={u.CreatedAt:yyyy-MM-ddTHH:mm}"));
        lines.AddRange(Events.Select(e => $"event {e.At:yyyy-MM-ddTHH:mm} {e.Account} {e.User ?? "-"} {e.Name} {e.Quantity}"));
        lines.AddRange(Subscriptions.Select(s => $"subscription {s.EffectiveAt:yyyy-MM-ddTHH:mm} {s.Account} mrr={s.Mrr} plan={s.Plan} api_call_included={s.IncludedApiCalls}"));
        lines.AddRange(Answers.Select(a => $"nps {a.At:yyyy-MM-dd} {a.Account} {a.User} {a.Score}"));
        lines.AddRange(RatePlans.SelectMany(p => p.Value.Select(m => $"rate {p.Key}.{m.Key} included={m.Value.Included} price={m.Value.UnitPrice} volume={m.Value.Volume} tiers={string.Join(";", m.Value.Tiers)}")));
        return string.Join(Environment.NewLine, lines);
    }
}
