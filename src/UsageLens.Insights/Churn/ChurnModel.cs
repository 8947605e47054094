using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace UsageLens.Insights.Churn;

/// <summary>
/// A logistic regression trained by ML.NET's L-BFGS trainer on standardised features. Standardising
/// first (mean and standard deviation of the training examples) makes each weight the change in
/// log-odds per standard deviation of its feature, so weight × standardised value is that feature's
/// contribution to an account's risk against the average training example.
/// </summary>
internal sealed class ChurnModel
{
    private const float L1 = 1f;
    private const float L2 = 1f;
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private ChurnModel(MLContext ml, ITransformer model, double[] mean, double[] scale, double[] weights, double bias)
    {
        _ml = ml;
        _model = model;
        Mean = mean;
        Scale = scale;
        Weights = weights;
        Bias = bias;
    }

    public IReadOnlyList<double> Mean { get; }

    public IReadOnlyList<double> Scale { get; }

    public IReadOnlyList<double> Weights { get; }

    public double Bias { get; }

    public static string Description =>
        $"ML.NET LbfgsLogisticRegression (L1 = {L1}, L2 = {L2}, which can set a weak feature's weight to exactly 0; one thread, fixed MLContext seed) on features standardised by the training examples' mean and standard deviation";

    public static ChurnModel Train(IReadOnlyList<ChurnExample> examples, int seed)
    {
        var width = ChurnFeature.All.Count;
        var mean = Enumerable.Range(0, width).Select(j => examples.Average(e => e.Features[j])).ToArray();
        var scale = Enumerable.Range(0, width).Select(j => Deviation(examples.Select(e => e.Features[j]), mean[j])).ToArray();
        var ml = new MLContext(seed);
        var data = Load(ml, examples.Select(e => Row(e.Features, mean, scale, e.Churned)));
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(ChurnRow.Label),
            FeatureColumnName = nameof(ChurnRow.Features),
            L1Regularization = L1,
            L2Regularization = L2,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        var linear = ((CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>)model.Model).SubModel;
        return new ChurnModel(ml, model, mean, scale, linear.Weights.Select(w => (double)w).ToArray(), linear.Bias);
    }

    /// <summary>ML.NET's calibrated probability for each feature vector, in order.</summary>
    public IReadOnlyList<double> Probabilities(IReadOnlyList<IReadOnlyList<double>> features)
    {
        if (features.Count == 0)
        {
            return [];
        }
        var scored = _model.Transform(Load(_ml, features.Select(f => Row(f, Mean, Scale, false))));
        return _ml.Data.CreateEnumerable<ChurnScore>(scored, reuseRowObject: false).Select(s => (double)s.Probability).ToList();
    }

    /// <summary>Each feature's contribution to the log-odds: weight × standardised value.</summary>
    public double[] Contributions(IReadOnlyList<double> features) =>
        Enumerable.Range(0, Weights.Count).Select(j => Weights[j] * Standard(features[j], Mean[j], Scale[j])).ToArray();

    private static IDataView Load(MLContext ml, IEnumerable<ChurnRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(ChurnRow));
        schema[nameof(ChurnRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ChurnFeature.All.Count);
        return ml.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    private static ChurnRow Row(IReadOnlyList<double> features, IReadOnlyList<double> mean, IReadOnlyList<double> scale, bool label) => new()
    {
        Label = label,
        Features = Enumerable.Range(0, features.Count).Select(j => (float)Standard(features[j], mean[j], scale[j])).ToArray(),
    };

    private static double Standard(double value, double mean, double scale) => scale == 0 ? 0 : (value - mean) / scale;

    private static double Deviation(IEnumerable<double> values, double mean)
    {
        var list = values.ToList();
        return list.Count < 2 ? 0 : Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }
}
