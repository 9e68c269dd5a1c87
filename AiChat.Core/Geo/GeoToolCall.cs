namespace AiChat.Core.Geo;

/// <summary>
/// One call of a tool, as its handler gets it: the turn it belongs to, the call's id (the call's map actions are
/// numbered after it), and its arguments, as sent and as read by the contract's rules.
/// </summary>
internal sealed class GeoToolCall(GeoTurn turn, string id, string argumentsJson)
{
    public GeoTurn Turn => turn;

    public string Id => id;

    public string ArgumentsJson => argumentsJson;

    public GeoArguments Arguments { get; } = GeoArguments.Parse(argumentsJson);

    /// <summary>The argument's value by its rule; null when it is absent.</summary>
    public T Read<T>(GeoParameter<T> parameter) => parameter.Read(Arguments);
}
