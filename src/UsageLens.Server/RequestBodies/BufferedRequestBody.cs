namespace UsageLens.Server.RequestBodies;

/// <summary>The decoded (gunzipped), size-checked request body, read once before authentication.</summary>
internal sealed record BufferedRequestBody(ReadOnlyMemory<byte> Bytes);
