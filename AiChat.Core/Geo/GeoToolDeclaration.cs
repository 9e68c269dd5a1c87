using System.Text.Json;

namespace AiChat.Core.Geo;

/// <summary>One tool as offered to the model: its name, description and parameters (a JSON schema object).</summary>
internal sealed record GeoToolDeclaration(string Name, string Description, JsonElement Parameters);
