using System.Runtime.CompilerServices;

namespace AiChat.Functions.Tests.Support;

/// <summary>An upstream whose stream is whatever <see cref="Stream"/> says; it keeps each request it was sent.</summary>
internal sealed class FakeDashScopeClient : IDashScopeClient
{
    public List<ChatRequest> Requests { get; } = [];

    public Func<ChatRequest, CancellationToken, IAsyncEnumerable<ChatDelta>> Stream { get; set; } = (request, _) => Echo(request);

    public Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stream chat service only streams.");

    public IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Stream(request, cancellationToken);
    }

    private static async IAsyncEnumerable<ChatDelta> Echo(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new ChatDelta("re: ");
        yield return new ChatDelta(request.Messages[^1].Content);
        yield return new ChatDelta("", "stop", new TokenUsage(7, 2, 9));
    }
}
