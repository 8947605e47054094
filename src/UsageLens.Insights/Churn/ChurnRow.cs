using Microsoft.ML.Data;

namespace UsageLens.Insights.Churn;

/// <summary>A standardised example as ML.NET reads it; the vector size is set by the schema at load time.</summary>
internal sealed class ChurnRow
{
    public bool Label { get; set; }

    [VectorType]
    public float[] Features { get; set; } = [];
}
