using System.Text.Json;
using System.Text.Json.Serialization;
using UsageLens.Server.Ingestion;
using UsageLens.Server.Questions;

namespace UsageLens.Server.Contract;

/// <summary>
/// Source-generated serialization for the server's own bodies: the ask request it reads and the
/// ingestion acknowledgements and refusals it writes, with the web's camelCase names they always had.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AskRequest))]
[JsonSerializable(typeof(IngestAccepted))]
[JsonSerializable(typeof(IngestErrorResponse))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
