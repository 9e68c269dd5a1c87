using System.Text.Json.Nodes;

namespace AiChat.Core.Geo;

/// <summary>A <see cref="GeoParameter"/> whose value a handler reads as a <typeparamref name="T"/> (null when it is absent).</summary>
internal sealed class GeoParameter<T>(string name, bool isRequired, JsonObject schema, Func<GeoArguments, T> read)
    : GeoParameter(name, isRequired, schema)
{
    public T Read(GeoArguments arguments) => read(arguments);

    public override void Check(GeoArguments arguments) => read(arguments);
}
