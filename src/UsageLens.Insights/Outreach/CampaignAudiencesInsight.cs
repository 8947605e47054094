using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Outreach;

/// <summary>
/// Named campaign audiences (<see cref="CampaignAudiences"/>): expansion-ready, at-risk, win-back,
/// promoters, and the non-adopters of each feature; one finding per audience with its members.
/// </summary>
internal sealed class CampaignAudiencesInsight : IInsight
{
    public const string Name = "campaign-audiences";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("audience", "one audience by name (expansion-ready, at-risk, win-back, promoters, non-adopters-METER); default every audience with members"),
        new("growth", "usage growth for expansion-ready (0.01–100, default 0.3)"),
        new("near", "share of licensed seats active for expansion-ready (0.01–10, default 0.8)"),
        new("winback-days", "days back a cancellation counts for win-back (1–3650, default 180)"),
        new("nps", "NPS of the latest answer day from which an account is a promoter (−100–100, default 50)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = new CampaignSettings(request.NumberOption("growth", 0.3, 0.01, 100), request.NumberOption("near", 0.8, 0.01, 10),
            request.IntOption("winback-days", 180, 1, 3650), request.NumberOption("nps", 50, -100, 100), 0.5, 3);
        var facts = await AccountFactsReader.ReadAsync(request, context, Name, cancellationToken).ConfigureAwait(false);
        var signals = await HealthSignalsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var health = HealthScorer.Score(signals, context.Configuration.Health, context.Configuration.Health.UsageMetric).ToDictionary(s => s.Account, StringComparer.Ordinal);
        var audiences = CampaignAudiences.Build(facts, health, request.AsOf, settings);
        if (request.Options.TryGetValue("audience", out var only))
        {
            audiences = audiences.Where(a => a.Name == only).ToList() is { Count: 1 } one
                ? one
                : throw new UsageLensException($"option audience='{only}' is not an audience{NearestNames.Hint(only, audiences.Select(a => a.Name))}; the audiences are {string.Join(", ", audiences.Select(a => a.Name))}");
        }
        var findings = audiences.Where(a => a.Members.Count > 0 || only is not null)
            .Select(Finding)
            .OrderByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new InsightResult(Name, request.AsOf, Method, Summary(findings))
        {
            Figures =
            [
                InsightValue.Of("audiences", audiences.Count),
                InsightValue.Of("with_members", audiences.Count(a => a.Members.Count > 0)),
                InsightValue.Of("empty", string.Join(" ", audiences.Where(a => a.Members.Count == 0).Select(a => a.Name))),
                InsightValue.Of("growth", settings.Growth),
                InsightValue.Of("near", settings.Near),
                InsightValue.Of("winback_days", settings.WinBackDays),
                InsightValue.Of("nps_from", settings.Promoter),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private const string Method =
        "Each audience is a rule over the accounts in view as of the day (windows end the day before): " +
        "expansion-ready (paying, fast usage growth or seats near the limit, as upsell judges them), at-risk (paying, in the health score's at-risk band), " +
        "win-back (cancelled after paying, within the window), promoters (paying, latest NPS at or above the bar), non-adopters-METER (customers missing a feature at least half of at least 3 active segment peers use, as feature-gaps finds). " +
        "One finding per audience with members, its size as the score, its members in account order, each with why.";

    private static InsightFinding Finding(CampaignAudience audience) =>
        new(audience.Name, "audience", audience.Members.Count,
            $"{audience.Rule}: {(audience.Members.Count == 0 ? "nobody" : string.Join("; ", audience.Members.Select(m => $"{m.Account} ({m.Why})")))}")
        {
            Values = [InsightValue.Of("size", audience.Members.Count), InsightValue.Of("members", string.Join(" ", audience.Members.Select(m => m.Account)))],
        };

    private static string Summary(List<InsightFinding> findings) =>
        findings.Count == 0
            ? "Every audience is empty."
            : $"{findings.Count} audiences: {string.Join(", ", findings.Select(f => $"{f.Subject} {HealthRules.N(f.Score)}"))}.";
}
