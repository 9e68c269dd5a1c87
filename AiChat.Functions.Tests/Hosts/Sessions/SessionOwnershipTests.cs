namespace AiChat.Functions.Tests.Hosts.Sessions;

/// <summary>
/// Sessions that belong to someone (an Easy Auth user, a client key) and anonymous ones, a DELETE racing a turn, and
/// session ids refused by their shape, over real sockets on both hosts.
/// </summary>
public sealed class SessionOwnershipTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    private const string Principal = "X-MS-CLIENT-PRINCIPAL-ID";

    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithSetup(BackendSetup.IdentifiedCallers);

    private HttpClient Client => backend.Client;

    [Theory, MatrixData]
    public async Task An_Easy_Auth_users_session_is_a_404_for_another_user_and_for_an_anonymous_caller(BackendVariant on)
    {
        await backend.UseAsync(on);
        var (alice, bob) = ("alice-" + Guid.NewGuid().ToString("N"), "bob-" + Guid.NewGuid().ToString("N"));
        var sessionId = await StartAsync((Principal, alice));

        await AssertUnknownToAsync(sessionId, (Principal, bob));
        await AssertUnknownToAsync(sessionId);
        await AssertOwnedByAsync(sessionId, (Principal, alice));
    }

    [Theory, MatrixData]
    public async Task A_client_keys_session_is_a_404_for_another_key_and_for_an_anonymous_caller(BackendVariant on)
    {
        await backend.UseAsync(on);
        var sessionId = await StartAsync(Bearer(BackendSettings.ClientKey));

        await AssertUnknownToAsync(sessionId, Bearer(BackendSettings.SecondClientKey));
        await AssertUnknownToAsync(sessionId);
        await AssertOwnedByAsync(sessionId, Bearer(BackendSettings.ClientKey));
    }

    [Theory, MatrixData]
    public async Task An_anonymous_session_stays_a_capability_for_whoever_holds_its_id(BackendVariant on)
    {
        await backend.UseAsync(on);
        var sessionId = await StartAsync();

        using var read = await SendAsync(HttpMethod.Get, $"/api/sessions/{sessionId}", null, (Principal, "carol"));
        using var delete = await SendAsync(HttpMethod.Delete, $"/api/sessions/{sessionId}", null, Bearer(BackendSettings.ClientKey));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent), (read.StatusCode, delete.StatusCode));
    }

    [Theory, MatrixData]
    public async Task A_callers_system_message_counts_toward_the_session_cap_and_is_trimmed_like_the_others(BackendVariant on)
    {
        await backend.UseAsync(on);
        var sessionId = await StartAsync();
        var system = "be brief " + Guid.NewGuid().ToString("N");

        // At most four messages: [system, q1, a1] after the second turn, then the system message is the oldest.
        await CompleteAsync(sessionId, new { role = "system", content = system }, new { role = "user", content = "q1" });
        await CompleteAsync(sessionId, new { role = "user", content = "q2" });
        using var read = await Client.GetAsync($"/api/sessions/{sessionId}");

        var messages = (await Json.ReadAsync(read)).GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString())).ToList();
        Assert.Equal([("user", "q1"), ("assistant", "You said: q1"), ("user", "q2"), ("assistant", "You said: q2")], messages);
    }

    [Theory, MatrixData]
    public async Task A_delete_wins_over_a_turn_in_flight(BackendVariant on)
    {
        await backend.UseAsync(on);
        var sessionId = await StartAsync();

        // The emulator spaces the chunks out, so the DELETE lands while the turn is still streaming; were it to land
        // after the turn saved, the session would be gone all the same.
        using var turn = await TypedEvents.PostAsync(Client, "still talking [[chunk-delay-ms:250]]", sessionId);
        await using var stream = await turn.Content.ReadAsStreamAsync();
        var events = System.Net.ServerSentEvents.SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();
        while (await events.MoveNextAsync() && events.Current.EventType != "stream_chunk")
        {
        }

        using var delete = await Client.DeleteAsync($"/api/sessions/{sessionId}");
        var last = events.Current.EventType;
        while (await events.MoveNextAsync())
        {
            last = events.Current.EventType;
        }

        await events.DisposeAsync();
        using var read = await Client.GetAsync($"/api/sessions/{sessionId}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("stream_end", last);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [MatrixData("not-a-session")]
    [MatrixData("0123456789ABCDEF0123456789ABCDEF")]
    [MatrixData("0123456789abcdef0123456789abcdef0")]
    [MatrixData("0123456789abcdef\nforged log line")]
    public async Task A_malformed_session_id_is_a_400_that_does_not_repeat_it_on_every_route(BackendVariant on, string sessionId)
    {
        await backend.UseAsync(on);
        var before = backend.Emulator.ReceivedRequests;
        var path = "/api/sessions/" + Uri.EscapeDataString(sessionId);
        var chat = new { session_id = sessionId, messages = new[] { new { role = "user", content = "hi" } } };

        HttpResponseMessage[] responses =
        [
            await TypedEvents.PostAsync(Client, "hi", sessionId),
            await Client.PostAsJsonAsync("/api/chat/completions", chat),
            await Client.PostAsJsonAsync("/api/chat/stream", chat),
            await Client.GetAsync(path),
            await Client.DeleteAsync(path),
        ];

        foreach (var response in responses)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("session_id", Json.Parse(body).GetProperty("field").GetString());
                Assert.DoesNotContain(sessionId, body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, backend.Emulator.ReceivedRequests);
        Assert.DoesNotContain(backend.App.LogLines, line => line.Contains(sessionId, StringComparison.Ordinal));
    }

    [Theory, MatrixData]
    public async Task No_log_line_holds_a_session_id_in_clear(BackendVariant on)
    {
        await backend.UseAsync(on);
        var owned = await StartAsync((Principal, "dave"));
        var anonymous = await StartAsync();
        var unknown = "0123456789abcdef" + Guid.NewGuid().ToString("N")[..16];

        await TypedEvents.TurnAsync(Client, "again", anonymous);
        await CompleteAsync(anonymous, new { role = "user", content = "and again" });
        using (await TypedEvents.PostAsync(Client, "hi", unknown))
        using (await Client.GetAsync($"/api/sessions/{owned}"))
        using (await Client.GetAsync($"/api/sessions/{anonymous}"))
        using (await SendAsync(HttpMethod.Delete, $"/api/sessions/{owned}", null, (Principal, "dave")))
        using (await Client.DeleteAsync($"/api/sessions/{anonymous}"))
        using (await Client.GetAsync($"/api/sessions/{unknown}"))
        {
        }

        Assert.Contains(backend.App.LogLines, line => line.Contains("Answered with", StringComparison.Ordinal));
        foreach (var id in new[] { owned, anonymous, unknown })
        {
            Assert.DoesNotContain(backend.App.LogLines, line => line.Contains(id, StringComparison.Ordinal));
        }
    }

    private static (string Name, string Value) Bearer(string key) => ("Authorization", "Bearer " + key);

    /// <summary>A new session, started by a typed-events turn as the given caller.</summary>
    private async Task<string> StartAsync(params (string Name, string Value)[] identity)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/chat/events", JsonContent.Create(new { message = "hello" }), identity);
        var events = await TypedEvents.ReadAsync(response);
        Assert.Equal("stream_end", events[^1].Type);
        return events[0].Data.GetProperty("session_id").GetString()!;
    }

    private async Task CompleteAsync(string sessionId, params object[] messages)
    {
        using var response = await Client.PostAsJsonAsync("/api/chat/completions", new { session_id = sessionId, messages });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every session route, as <paramref name="identity"/>, answers as for an unknown session, and the session is left as it was.</summary>
    private async Task AssertUnknownToAsync(string sessionId, params (string Name, string Value)[] identity)
    {
        var before = backend.Emulator.ReceivedRequests;
        using var read = await SendAsync(HttpMethod.Get, $"/api/sessions/{sessionId}", null, identity);
        using var delete = await SendAsync(HttpMethod.Delete, $"/api/sessions/{sessionId}", null, identity);
        using var turn = await SendAsync(HttpMethod.Post, "/api/chat/events", JsonContent.Create(new { message = "let me in", session_id = sessionId }), identity);
        using var completion = await SendAsync(HttpMethod.Post, "/api/chat/completions",
            JsonContent.Create(new { session_id = sessionId, messages = new[] { new { role = "system", content = "obey" }, new { role = "user", content = "now" } } }), identity);

        foreach (var response in new[] { read, delete, turn, completion })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("session_not_found", (await Json.ReadAsync(response)).GetProperty("code").GetString());
        }

        Assert.Equal(before, backend.Emulator.ReceivedRequests);
    }

    /// <summary>The owner reads its session (the first turn only: nobody else added to it) and deletes it.</summary>
    private async Task AssertOwnedByAsync(string sessionId, params (string Name, string Value)[] identity)
    {
        using var read = await SendAsync(HttpMethod.Get, $"/api/sessions/{sessionId}", null, identity);
        using var delete = await SendAsync(HttpMethod.Delete, $"/api/sessions/{sessionId}", null, identity);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(2, (await Json.ReadAsync(read)).GetProperty("messages").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, params (string Name, string Value)[] identity)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in identity)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return SendAndDisposeAsync(request);
    }

    private async Task<HttpResponseMessage> SendAndDisposeAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Client.SendAsync(request);
        }
    }
}
