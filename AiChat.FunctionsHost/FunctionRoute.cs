using Microsoft.AspNetCore.Routing.Template;

namespace AiChat.FunctionsHost;

/// <summary>One HTTP-triggered function as the host routes to it: its template (route prefix applied) and methods.</summary>
public sealed class FunctionRoute
{
    private readonly TemplateMatcher _matcher;

    public FunctionRoute(string functionId, string functionName, string bindingName, string template, IReadOnlyList<string> methods)
    {
        FunctionId = functionId;
        FunctionName = functionName;
        BindingName = bindingName;
        Template = template;
        Methods = methods;
        _matcher = new TemplateMatcher(TemplateParser.Parse(template), []);
    }

    public string FunctionId { get; }

    public string FunctionName { get; }

    /// <summary>The httpTrigger binding's parameter name, e.g. "request".</summary>
    public string BindingName { get; }

    public string Template { get; }

    /// <summary>Empty means every method.</summary>
    public IReadOnlyList<string> Methods { get; }

    private bool AllowsMethod(string method) =>
        Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    public bool TryMatch(string method, PathString path, out RouteValueDictionary values)
    {
        values = [];
        return AllowsMethod(method) && _matcher.TryMatch(path, values);
    }
}
