namespace UsageLens.Core;

/// <summary>What kind of caller mistake a <see cref="UsageLensException"/> is; the HTTP API answers 400, 404, 403 or 413 by it.</summary>
public enum UsageLensErrorKind
{
    /// <summary>A value is malformed or out of range, or the request cannot be answered as given.</summary>
    BadInput,

    /// <summary>The request names something the product does not have, such as an unknown KPI.</summary>
    NotFound,

    /// <summary>The request reaches outside what the caller's key may see, such as another partner's accounts.</summary>
    Forbidden,

    /// <summary>The request is larger than the endpoint takes, such as an oversized question body.</summary>
    TooLarge,
}
