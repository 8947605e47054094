namespace UsageLens.Core.Erasure;

/// <summary>Whose data an erasure removes: one person (by user id) or one customer account with its people.</summary>
public enum ErasureKind
{
    User,
    Account,
}
