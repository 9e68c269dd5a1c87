namespace AiChat.Functions.Tests.Hosts.Api;

/// <summary>client_context on POST /api/chat/events (docs/geo-assistant.md#client-context): a bad value is a 400 naming the field, a good one is accepted.</summary>
public sealed class ClientContextTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.ForHosts(HostKind.SelfHost, HostKind.NativeSelfHost).WithBothProtocols();

    [Theory]
    [MatrixData("\"here\"", "client_context")]
    [MatrixData("""{"map_crs":"bd09"}""", "client_context.map_crs")]
    [MatrixData("""{"location":{"lng":116.48,"lat":91,"crs":"wgs84"}}""", "client_context.location.lat")]
    [MatrixData("""{"location":{"lng":"116.48","lat":39.98,"crs":"wgs84"}}""", "client_context.location.lng")]
    [MatrixData("""{"location":{"lng":116.48,"lat":39.98}}""", "client_context.location.crs")]
    [MatrixData("""{"location":{"lng":116.48,"lat":39.98,"crs":"gcj02","accuracy_m":-1}}""", "client_context.location.accuracy_m")]
    public async Task Bad_client_context_is_a_400_naming_the_field_and_never_reaches_the_upstream(BackendVariant on, string context, string field)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");

        using var response = await backend.Client.PostAsync("/api/chat/events", Json.Body($$"""{"message":"{{marker}}","client_context":{{context}}}"""));
        var error = await Json.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(("invalid_request", field), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        Assert.Empty(backend.RequestsWith(marker));
    }

    [Theory, MatrixData]
    public async Task Good_client_context_is_accepted_and_the_turn_streams(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.PostAsync("/api/chat/events",
            Json.Body("""{"message":"hi","client_context":{"map_crs":"wgs84","location":{"lng":116.4811,"lat":39.9896,"crs":"wgs84","accuracy_m":35}}}"""));
        var events = await TypedEvents.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("stream_end", events[^1].Type);
    }
}
