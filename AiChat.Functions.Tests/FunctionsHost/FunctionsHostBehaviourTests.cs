using System.Globalization;

namespace AiChat.Functions.Tests.FunctionsHost;

/// <summary>What only the Functions app does, or does differently from the self-host, seen through the host stand-in.</summary>
public sealed class FunctionsHostBehaviourTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.ForHosts(HostKind.Functions);

    [Theory, MatrixData]
    public async Task Stand_in_routes_the_eleven_functions_from_the_workers_own_metadata(BackendVariant on)
    {
        await backend.UseAsync(on);
        var routes = ((FunctionsApp)backend.App).Routes.Routes.Select(r => $"{string.Join(',', r.Methods).ToUpperInvariant()} {r.Template}").Order();

        Assert.Equal(
            ["DELETE api/sessions/{id}", "GET api/models", "GET api/sessions/{id}", "GET health", "GET openapi/v1.json", "GET v1/models", "GET v1/models/{id}",
             "POST api/chat/completions", "POST api/chat/events", "POST api/chat/stream", "POST v1/chat/completions"],
            routes);
    }

    [Theory, MatrixData]
    public async Task Stand_in_logs_when_the_worker_became_ready_with_each_start_up_step_in_order(BackendVariant on)
    {
        await backend.UseAsync(on);
        var line = Assert.Single(((FunctionsApp)backend.App).LogLines, l => l.Contains("Worker ready for invocations", StringComparison.Ordinal));
        var match = Regex.Match(line,
            @"ready for invocations at (?<ready>\d+) ms: EventStream open at (?<connected>\d+) ms, WorkerInitResponse at (?<init>\d+) ms, (?<count>\d+) functions loaded at (?<loaded>\d+) ms");

        Assert.True(match.Success, line);
        int Value(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        Assert.Equal(11, Value("count"));
        Assert.True(Value("connected") > 0, line);
        Assert.True(Value("connected") <= Value("init") && Value("init") <= Value("loaded") && Value("loaded") <= Value("ready"), line);
    }

    // By design: the host answers a path no function serves, with its own empty 404, before the worker is involved.
    [Theory]
    [MatrixData("GET", "/nowhere")]
    [MatrixData("POST", "/health")]
    public async Task Path_or_method_no_function_serves_is_the_hosts_empty_404(BackendVariant on, string method, string path)
    {
        await backend.UseAsync(on);
        var received = backend.Emulator.ReceivedRequests;
        using var response = await backend.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Equal(received, backend.Emulator.ReceivedRequests);
    }

    [Theory, MatrixData]
    public async Task Callers_own_invocation_id_is_overwritten_so_the_request_still_meets_its_invocation(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("x-ms-invocation-id", "chosen-by-the-caller");

        using var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
