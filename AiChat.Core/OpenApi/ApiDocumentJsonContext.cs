namespace AiChat.Core.OpenApi;

/// <summary>
/// JSON metadata for the types the OpenAPI document describes, from which its schemas are made. Generated at build
/// time: the native self-host has no reflection to make it at run time.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ModelsResponse))]
[JsonSerializable(typeof(MessagesRequest))]
[JsonSerializable(typeof(MessageRequest))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(string))]
internal sealed partial class ApiDocumentJsonContext : JsonSerializerContext;
