extern alias functions;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions.Tests.FunctionsHost;

/// <summary>One route table: the functions.metadata that the build generates agrees with the self-host's endpoints, both ways.</summary>
public sealed class FunctionRouteTests
{
    [Fact]
    public async Task Every_function_is_a_self_host_route_with_the_same_methods_and_every_self_host_route_is_a_function()
    {
        await using var selfHost = AiChatApplication.Start(new Dictionary<string, string?>(), "Production");
        var selfHostRoutes = selfHost.Routes().Select(route => route.Replace(" /", " ", StringComparison.Ordinal)).Order().ToList();

        var functionRoutes = ReadMetadata().Select(b => $"{b.Method.ToUpperInvariant()} {b.Route}").Order().ToList();

        Assert.Equal(selfHostRoutes, functionRoutes);
    }

    [Fact]
    public void Every_function_is_anonymous_like_the_self_host()
    {
        var bindings = ReadMetadata();

        Assert.Equal(11, bindings.Select(b => b.Function).Distinct().Count());
        Assert.All(bindings, b => Assert.Equal("Anonymous", b.AuthLevel));
    }

    [Fact]
    public void Metadata_names_every_function_class_the_worker_assembly_declares()
    {
        var declared = typeof(functions::AiChat.Functions.HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttributes(typeof(FunctionAttribute), false).Cast<FunctionAttribute>().SingleOrDefault()?.Name)
            .OfType<string>()
            .Order();

        Assert.Equal(declared, ReadMetadata().Select(b => b.Function).Distinct().Order());
    }

    private static List<(string Function, string Method, string Route, string AuthLevel)> ReadMetadata()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsApp.AppDirectory, "functions.metadata")));
        return [.. metadata.RootElement.EnumerateArray().SelectMany(function => function.GetProperty("bindings").EnumerateArray()
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(binding => binding.GetProperty("methods").EnumerateArray().Select(method => (
                function.GetProperty("name").GetString()!,
                method.GetString()!,
                binding.GetProperty("route").GetString()!,
                binding.GetProperty("authLevel").GetString()!))))];
    }
}
