using UsageLens.Core;
using UsageLens.Core.Insights;

namespace UsageLens.Insights;

/// <summary>Looks an implemented insight's definition up in <see cref="InsightCatalog"/>, its single source.</summary>
internal static class InsightDefinitions
{
    public static InsightDefinition Named(string name) =>
        InsightCatalog.All.FirstOrDefault(d => d.Name == name) ?? throw new UsageLensException($"insight '{name}' is not in the insight catalogue");
}
