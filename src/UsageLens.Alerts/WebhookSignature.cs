using System.Security.Cryptography;
using System.Text;

namespace UsageLens.Alerts;

/// <summary>How a webhook body is signed: <c>X-UsageLens-Signature: sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes with the target's secret.</summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-UsageLens-Signature";
    public const string TimestampHeader = "X-UsageLens-Timestamp";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string Compute(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
