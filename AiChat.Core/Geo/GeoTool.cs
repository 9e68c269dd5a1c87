using System.Text.Json.Nodes;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>
/// One tool the model may call, whole: the name, description and arguments it is offered upstream with, the
/// tool_status label shown while it runs, and its handler. Shaped like Microsoft.Extensions.AI's <c>AIFunction</c>: a
/// public <see cref="InvokeAsync"/> reads the arguments by their declared rules, then calls the protected handler
/// <see cref="RunAsync"/>. A new tool is one subclass, registered in <see cref="GeoServiceCollectionExtensions.AddGeoTools"/>.
/// </summary>
internal abstract class GeoTool
{
    /// <param name="arguments">The arguments; the schema is made from them.</param>
    protected GeoTool(string name, string description, string label, params IReadOnlyList<GeoParameter> arguments)
    {
        Name = name;
        Description = description;
        Label = label;
        Arguments = arguments;
        Parameters = GeoJson.Element(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject(arguments.Select(a => KeyValuePair.Create(a.Name, (JsonNode?)a.Schema()))),
            ["required"] = new JsonArray([.. arguments.Where(a => a.IsRequired).Select(a => JsonValue.Create(a.Name))]),
        });
    }

    public string Name { get; }

    /// <summary>The arguments in the order they are declared and read.</summary>
    public IReadOnlyList<GeoParameter> Arguments { get; }

    public string Description { get; }

    /// <summary>The JSON schema of the arguments (an object schema), sent upstream as given.</summary>
    public JsonElement Parameters { get; }

    /// <summary>The fixed tool_status label of a started call (docs/geo-assistant.md#events).</summary>
    public string Label { get; }

    /// <summary>
    /// Runs one call. An argument that breaks its rule is <see cref="GeoFailure.InvalidArguments"/>, AMap's failures
    /// come back as a failed result in the failure shape (<see cref="GeoFailure"/>), AMap's "nothing found" as
    /// <see cref="NoResult"/>; only cancellation is thrown.
    /// </summary>
    public async Task<GeoToolResult> InvokeAsync(GeoToolCall call, CancellationToken cancellationToken)
    {
        foreach (var argument in Arguments)
        {
            argument.Check(call.Arguments);
        }

        if (call.Arguments.Problem is { } problem)
        {
            return GeoFailure.InvalidArguments(problem.Field, problem.Rule);
        }

        try
        {
            return await RunAsync(call, cancellationToken);
        }
        catch (AMapException e) when (e.ErrorCode == AMapErrorCodes.NoResult)
        {
            return NoResult(call);
        }
        catch (AMapException e)
        {
            return GeoFailure.Of(e.ErrorCode);
        }
    }

    /// <summary>Reads the arguments (<see cref="GeoToolCall.Read"/>; they keep their rules), asks AMap, makes the result and its events.</summary>
    /// <exception cref="AMapException">AMap failed.</exception>
    protected abstract Task<GeoToolResult> RunAsync(GeoToolCall call, CancellationToken cancellationToken);

    /// <summary>The tool's normal shape with nothing in it, and what the map should do about that; a tool without one reports no_result in the failure shape.</summary>
    protected virtual GeoToolResult NoResult(GeoToolCall call) => GeoFailure.Of(AMapErrorCodes.NoResult);
}
