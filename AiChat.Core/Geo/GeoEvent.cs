namespace AiChat.Core.Geo;

/// <summary>
/// One event for the typed stream: its type (map_action or geo_card) and the JSON object of its fields other than
/// type, message_id and session_id, e.g. <c>{"action_id":"…","crs":"gcj02","action":{…}}</c> or <c>{"card":{…}}</c>.
/// </summary>
internal sealed record GeoEvent(string Type, JsonElement Fields);
