namespace UsageLens.Questions;

/// <summary>What a known word or phrase of a question stands for.</summary>
internal enum TermKind
{
    /// <summary>A KPI of the catalogue, possibly with an option or variant ("DAU" is active-users with measure=dau).</summary>
    Kpi,

    /// <summary>A metered event ("API calls" is api_call).</summary>
    Metric,

    /// <summary>A value of a dimension ("EMEA" is region=EMEA).</summary>
    Value,

    /// <summary>A dimension to break down by ("segment", "partner").</summary>
    Dimension,

    /// <summary>A calendar grain ("weekly", "week").</summary>
    Grain,

    /// <summary>An account field or MRR that accounts can be ranked by ("revenue", "contract value").</summary>
    Ranking,

    /// <summary>An insight kind ("at risk of churning" is churn-risk).</summary>
    Insight,

    /// <summary>Words asking for a share of the total ("percentage", "share").</summary>
    Share,
}
