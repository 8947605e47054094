namespace UsageLens.Insights.Benchmarks;

/// <summary>One KPI of an account against its segment: its value, its percentile among the segment's other accounts with a value, and the segment's median.</summary>
internal sealed record BenchmarkFigure(string Kpi, double Value, double Percentile, double SegmentMedian, int Peers);
