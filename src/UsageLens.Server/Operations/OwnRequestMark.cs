namespace UsageLens.Server.Operations;

/// <summary>
/// Marks the requests the server sends itself (the dashboard warm-up's first files) with a secret of this process,
/// so the access log leaves them out and nobody else can hide a request from it.
/// </summary>
internal sealed class OwnRequestMark
{
    private const string Header = "X-UsageLens-Warm-Up";
    private readonly string _value = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Adds the mark to every request <paramref name="client"/> sends.</summary>
    public void Apply(HttpClient client) => client.DefaultRequestHeaders.Add(Header, _value);

    /// <summary>Whether <paramref name="request"/> carries this process's mark.</summary>
    public bool IsOn(HttpRequest request) =>
        request.Headers.TryGetValue(Header, out var mark) && string.Equals(mark, _value, StringComparison.Ordinal);
}
