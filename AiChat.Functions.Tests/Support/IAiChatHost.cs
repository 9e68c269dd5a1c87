namespace AiChat.Functions.Tests.Support;

/// <summary>A running AiChat, whichever host serves it, seen as a caller and an operator see it: an address and a log.</summary>
public interface IAiChatHost : IAsyncDisposable
{
    Uri Address { get; }

    /// <summary>Every line the host logged, the Functions worker's output and RpcLog messages included.</summary>
    IReadOnlyCollection<string> LogLines { get; }

    /// <summary>Completes once <paramref name="count"/> log lines match <paramref name="match"/>.</summary>
    Task WaitForLogLinesAsync(Func<string, bool> match, int count, CancellationToken cancellationToken);
}
