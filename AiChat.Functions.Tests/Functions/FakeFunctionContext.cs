using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions.Tests.Functions;

/// <summary>
/// A FunctionContext carrying an HttpContext where the ASP.NET Core integration keeps it, for worker middleware
/// tests; everything else a middleware does not use throws.
/// </summary>
public sealed class FakeFunctionContext(HttpContext http, string functionName) : FunctionContext
{
    // The key under which Worker.Extensions.Http.AspNetCore stores the invocation's HttpContext (FunctionContextExtensions.GetHttpContext).
    private const string HttpContextKey = "HttpRequestContext";

    public override string InvocationId => "test-invocation";

    public override string FunctionId => functionName;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition { get; } = new NamedFunction(functionName);

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { [HttpContextKey] = http };

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken => http.RequestAborted;

    private sealed class NamedFunction(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => "";

        public override string EntryPoint => "";

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
