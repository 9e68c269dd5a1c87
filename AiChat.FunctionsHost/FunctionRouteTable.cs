using System.Text.Json;
using AiChat.FunctionsHost.Rpc;

namespace AiChat.FunctionsHost;

/// <summary>
/// The host's route table: one route per httpTrigger binding, the template being host.json's routePrefix joined to
/// the binding's route (or the function's name), first match in registration order, no match a 404.
/// </summary>
public sealed class FunctionRouteTable
{
    private static readonly string[] ReservedPrefixes = ["admin", "runtime"];

    private FunctionRouteTable(IReadOnlyList<FunctionRoute> routes) => Routes = routes;

    public IReadOnlyList<FunctionRoute> Routes { get; }

    internal static FunctionRouteTable Build(IEnumerable<RpcFunctionMetadata> functions, string routePrefix)
    {
        var routes = new List<FunctionRoute>();
        foreach (var function in functions)
        {
            foreach (var raw in function.RawBindings)
            {
                using var binding = JsonDocument.Parse(raw);
                if (binding.RootElement.TryGetProperty("type", out var type) && type.GetString()?.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase) == true)
                {
                    routes.Add(RouteFor(function, binding.RootElement, routePrefix));
                }
            }
        }

        foreach (var route in routes)
        {
            EnsureAllowed(route, routes);
        }

        return new FunctionRouteTable(routes);
    }

    public FunctionRoute? Match(string method, PathString path, out RouteValueDictionary values)
    {
        foreach (var route in Routes)
        {
            if (route.TryMatch(method, path, out values))
            {
                return route;
            }
        }

        values = [];
        return null;
    }

    private static FunctionRoute RouteFor(RpcFunctionMetadata function, JsonElement binding, string routePrefix)
    {
        var route = binding.TryGetProperty("route", out var declared) && declared.GetString() is { Length: > 0 } given ? given : function.Name;
        var template = routePrefix.Length == 0 ? route : $"{routePrefix}/{route}";
        var methods = binding.TryGetProperty("methods", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(m => m.GetString()!).ToList()
            : [];
        var name = binding.GetProperty("name").GetString()!;
        return new FunctionRoute(function.FunctionId, function.Name, name, template.Trim('/'), methods);
    }

    private static void EnsureAllowed(FunctionRoute route, List<FunctionRoute> routes)
    {
        if (ReservedPrefixes.Any(prefix => route.Template.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"The route '{route.Template}' of {route.FunctionName} is reserved by the host.");
        }

        var clash = routes.FirstOrDefault(other => !ReferenceEquals(other, route)
            && other.Template.Equals(route.Template, StringComparison.OrdinalIgnoreCase)
            && (route.Methods.Count == 0 || other.Methods.Count == 0 || route.Methods.Intersect(other.Methods, StringComparer.OrdinalIgnoreCase).Any()));
        if (clash is not null)
        {
            throw new InvalidOperationException($"{route.FunctionName} and {clash.FunctionName} share the route '{route.Template}' and a method.");
        }
    }
}
