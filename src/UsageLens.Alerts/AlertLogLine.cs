namespace UsageLens.Alerts;

/// <summary>
/// One line of the alert log (JSON Lines): a subject's new <c>state</c> under a rule, or a <c>delivery</c>.
/// One flat record keeps the file readable with <c>jq</c> and tolerant of fields added later.
/// </summary>
internal sealed record AlertLogLine(string Type, string Rule, string Subject, DateTimeOffset Time)
{
    public const string StateType = "state";
    public const string DeliveryType = "delivery";

    public string? Value { get; init; }

    public string? AsOf { get; init; }

    public string? FiringKey { get; init; }

    public string? Target { get; init; }

    public int? Attempts { get; init; }

    public string? Status { get; init; }

    public int? HttpStatus { get; init; }

    public string? Error { get; init; }

    public static AlertLogLine Of(AlertDelivery delivery) => new(DeliveryType, delivery.Rule, delivery.Subject, delivery.Time)
    {
        FiringKey = delivery.FiringKey,
        Target = delivery.Target,
        Attempts = delivery.Attempts,
        Status = delivery.Status,
        HttpStatus = delivery.HttpStatus,
        Error = delivery.Error,
    };

    public AlertDelivery ToDelivery() =>
        new(Rule, FiringKey ?? "", Subject, Target ?? "", Attempts ?? 0, Status ?? "", HttpStatus, Error, Time);
}
