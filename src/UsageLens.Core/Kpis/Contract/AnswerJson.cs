using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis.Contract;

/// <summary>
/// One answer in the API: a KPI result, an insight result, or an insight that is not computed yet. Written without a
/// type discriminator, so each answer has exactly its own fields (cli.md).
/// </summary>
[JsonDerivedType(typeof(KpiResultJson))]
[JsonDerivedType(typeof(InsightNotAvailableJson))]
[JsonDerivedType(typeof(Insights.Contract.InsightResultJson))]
public abstract record AnswerJson;
