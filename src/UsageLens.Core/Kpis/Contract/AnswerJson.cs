using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis.Contract;

/// <summary>
/// One answer in the API: a KPI result, or an insight that is not available yet. Written without a
/// type discriminator, so each answer has exactly its own fields (cli.md).
/// </summary>
[JsonDerivedType(typeof(KpiResultJson))]
[JsonDerivedType(typeof(InsightNotAvailableJson))]
public abstract record AnswerJson;
