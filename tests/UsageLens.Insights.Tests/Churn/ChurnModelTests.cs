using UsageLens.Insights.Churn;

namespace UsageLens.Insights.Tests.Churn;

public sealed class ChurnModelTests
{
    // 200 accounts: churners have falling usage (usage_trend about −0.6), the rest flat; the other
    // features are noise. A pseudo-random generator with a fixed seed keeps it reproducible.
    private static List<ChurnExample> Examples()
    {
        var random = new Random(3);
        return Enumerable.Range(0, 200).Select(i =>
        {
            var churned = i % 5 == 0;
            var features = Enumerable.Range(0, ChurnFeature.All.Count).Select(_ => random.NextDouble()).ToArray();
            features[ChurnFeature.UsageTrend] = (churned ? -0.6 : 0) + ((random.NextDouble() - 0.5) * 0.4);
            return new ChurnExample($"a{i:000}", 0, new DateOnly(2026, 1, 1), features, churned);
        }).ToList();
    }

    [Fact]
    public void Probabilities_are_the_logistic_of_the_intercept_plus_the_contributions()
    {
        var model = ChurnModel.Train(Examples(), 42);
        double[] account = [-0.7, 0.2, 3, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];

        var probability = model.Probabilities([account])[0];
        var logit = model.Bias + model.Contributions(account).Sum();

        // ML.NET scores in single precision.
        Assert.Equal(1 / (1 + Math.Exp(-logit)), probability, 1e-6);
        // Contribution = weight × (value − mean) ÷ standard deviation, computed here from the examples.
        var trends = Examples().Select(e => e.Features[ChurnFeature.UsageTrend]).ToList();
        var mean = trends.Average();
        var deviation = Math.Sqrt(trends.Sum(t => (t - mean) * (t - mean)) / (trends.Count - 1));
        Assert.Equal(model.Weights[ChurnFeature.UsageTrend] * (-0.7 - mean) / deviation, model.Contributions(account)[ChurnFeature.UsageTrend], 9);
    }

    [Fact]
    public void Falling_usage_is_learned_as_risk_and_training_is_deterministic()
    {
        var model = ChurnModel.Train(Examples(), 42);
        var again = ChurnModel.Train(Examples(), 42);

        Assert.True(model.Weights[ChurnFeature.UsageTrend] < -1, $"usage_trend weight {model.Weights[ChurnFeature.UsageTrend]}");
        Assert.Equal(model.Weights, again.Weights);
        Assert.Equal(model.Bias, again.Bias);
        var falling = model.Probabilities([[-0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]])[0];
        var flat = model.Probabilities([[0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]])[0];
        Assert.True(falling > 0.5 && flat < 0.2, $"falling {falling}, flat {flat}");
    }
}
