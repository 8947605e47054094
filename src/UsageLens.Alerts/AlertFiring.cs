namespace UsageLens.Alerts;

/// <summary>
/// One alert to deliver: the rule and subject it is about, and the JSON body posted to every target.
/// </summary>
/// <param name="Key">The idempotency key: the same for every attempt and target of this firing, and for a re-fire of the same transition after a failed delivery.</param>
/// <param name="Previous">The subject's state at the previous evaluation, when one was recorded.</param>
/// <param name="State">The state that fired.</param>
/// <param name="FiredAt">When it was evaluated; the body's <c>fired_at</c> and the timestamp header.</param>
/// <param name="Body">The UTF-8 JSON posted, exactly the bytes signed.</param>
public sealed record AlertFiring(string Rule, string Kind, string Key, string Subject, string? Previous, string State, DateOnly AsOf, DateTimeOffset FiredAt, string Summary, string Body);
