namespace AiChat.Functions.Tests.Hosts.Limits;

/// <summary>
/// CLIENT_IP_HEADER and FRONT_DOOR_ID over real sockets, on both hosts: on Functions through the host stand-in, which
/// replaces X-Forwarded-For with its own peer as the real host does, so the front end's header is all that tells
/// callers apart there.
/// </summary>
public sealed class ClientAddressTests : EmulatorPerTest
{
    private const string FrontDoorId = "4f0c2a6e-8d1b-4b7e-9f3a-5c2d1e0b9a87";

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Two_CLIENT_IP_values_are_two_clients_and_one_value_on_two_ports_is_one(HostKind host)
    {
        await using var app = await StartAsync(host, new Dictionary<string, string?> { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1", ["CLIENT_IP_HEADER"] = "CLIENT-IP" });
        using var client = app.CreateClient();
        var marker = Marker();

        var first = await SendAsync(client, marker, ("CLIENT-IP", "203.0.113.7:51234"));
        var sameClient = await SendAsync(client, marker, ("CLIENT-IP", "203.0.113.7:40001"));
        var otherClient = await SendAsync(client, marker, ("CLIENT-IP", "203.0.113.8:51234"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], [first, sameClient, otherClient]);
        Assert.Equal(2, RequestsWith(marker));
        Assert.Contains(app.LogLines, line => line.Contains("Client address: the CLIENT-IP header (CLIENT_IP_HEADER)", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task A_request_without_the_Front_Door_id_is_refused_with_403_and_goes_nowhere(HostKind host)
    {
        await using var app = await StartAsync(host, FrontDoorSettings());
        using var client = app.CreateClient();
        var marker = Marker();

        var direct = await SendAsync(client, marker, ("X-Azure-SocketIP", "203.0.113.7"));
        var otherFrontDoor = await SendAsync(client, marker, ("X-Azure-SocketIP", "203.0.113.7"), ("X-Azure-FDID", Guid.NewGuid().ToString()));
        using var health = new HttpRequestMessage(HttpMethod.Get, "/health");
        using var healthResponse = await client.SendAsync(health);
        var body = await Json.ReadAsync(healthResponse);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (direct, otherFrontDoor, healthResponse.StatusCode));
        Assert.Equal("forbidden", body.GetProperty("code").GetString());
        Assert.DoesNotContain(Emulator.Requests, r => r.Messages[^1].Content.Contains(marker, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Through_the_Front_Door_the_socket_address_names_the_client(HostKind host)
    {
        await using var app = await StartAsync(host, FrontDoorSettings());
        using var client = app.CreateClient();
        var marker = Marker();

        var first = await SendAsync(client, marker, ("X-Azure-SocketIP", "203.0.113.7"), ("X-Azure-FDID", FrontDoorId));
        var sameClient = await SendAsync(client, marker, ("X-Azure-SocketIP", "203.0.113.7"), ("X-Azure-FDID", FrontDoorId.ToUpperInvariant()));
        var otherClient = await SendAsync(client, marker, ("X-Azure-SocketIP", "2001:db8:1:2::7"), ("X-Azure-FDID", FrontDoorId));
        using var health = new HttpRequestMessage(HttpMethod.Get, "/health");
        health.Headers.Add("X-Azure-SocketIP", "2001:db8:1:2::9");
        health.Headers.Add("X-Azure-FDID", FrontDoorId);
        using var healthResponse = await client.SendAsync(health);
        var seen = (await Json.ReadAsync(healthResponse)).GetProperty("client");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], [first, sameClient, otherClient]);
        Assert.Equal("ip:2001:db8:1:2::/64", seen.GetProperty("id").GetString());
        Assert.Contains("X-Azure-SocketIP", seen.GetProperty("derivation").GetString(), StringComparison.Ordinal);
        Assert.Contains(app.LogLines, line => line.Contains($"X-Azure-FDID: {FrontDoorId} (FRONT_DOOR_ID) are refused", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> FrontDoorSettings() => new()
    {
        ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1",
        ["CLIENT_IP_HEADER"] = "X-Azure-SocketIP",
        ["FRONT_DOOR_ID"] = FrontDoorId,
        ["CLIENT_IP_DEBUG"] = "true",
    };

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string marker, params (string Name, string Value)[] headers)
    {
        using var request = LimitedChat.Request(LimitedChat.Completions, marker);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }
}
