namespace UsageLens.Core.Semantics;

/// <summary>
/// Something usage can be grouped or filtered by. A typed column (<see cref="Column"/>), or a key
/// of the JSON column (<see cref="JsonKey"/> of <c>traits</c> or <c>properties</c>).
/// </summary>
public sealed record Dimension(string Name, DimensionSource Source, string Column, DimensionKind Kind, string? JsonKey = null)
{
    public bool IsAccountId => Source == DimensionSource.Event && Column == "account_id";
}
