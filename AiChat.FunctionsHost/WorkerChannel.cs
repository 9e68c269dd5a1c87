using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using AiChat.FunctionsHost.Rpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AiChat.FunctionsHost;

/// <summary>
/// The host's side of one worker's EventStream: the start-up conversation (init, metadata, one load per function),
/// invocations and their cancels, the worker's logs. Every outgoing message goes through one queue and one writer,
/// because a gRPC response stream must not be written concurrently.
/// </summary>
internal sealed class WorkerChannel(string workerId, string appDirectory, ILogger logger)
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _connected = NewSource();
    private readonly TaskCompletionSource<WorkerInitResponse> _init = NewSource<WorkerInitResponse>();
    private readonly TaskCompletionSource<FunctionMetadataResponse> _metadata = NewSource<FunctionMetadataResponse>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionLoadResponse>> _loads = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new();

    /// <summary>Serves the worker's EventStream until the worker or the host closes it.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> incoming, IServerStreamWriter<StreamingMessage> outgoing, CancellationToken cancellationToken)
    {
        if (!await incoming.MoveNext(cancellationToken) || incoming.Current.StartStream?.WorkerId != workerId)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The first message must be StartStream with this worker's id."));
        }

        _connected.TrySetResult();
        var writing = WriteAllAsync(outgoing, cancellationToken);
        try
        {
            while (await incoming.MoveNext(cancellationToken))
            {
                Receive(incoming.Current);
            }
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            FailPending(new InvalidOperationException("The worker closed its EventStream."));
            await writing;
        }
    }

    /// <summary>
    /// The start-up conversation of docs/functions-host-stand-in.md#the-grpc-conversation: returns the worker's HttpUri,
    /// its loaded functions, and when (<see cref="Stopwatch.GetTimestamp"/>) its EventStream opened, its init answered
    /// and its last function loaded.
    /// </summary>
    public async Task<(Uri HttpUri, IReadOnlyList<RpcFunctionMetadata> Functions, (long Connected, long Initialized, long Loaded) At)> InitializeAsync(
        CancellationToken cancellationToken)
    {
        await _connected.Task.WaitAsync(cancellationToken);
        var connected = Stopwatch.GetTimestamp();
        Send(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest { HostVersion = "4.1037.0", WorkerDirectory = appDirectory, FunctionAppDirectory = appDirectory },
        });
        var init = await _init.Task.WaitAsync(cancellationToken);
        EnsureSuccess(init.Result, "WorkerInitResponse");
        var initialized = Stopwatch.GetTimestamp();
        if (!init.Capabilities.TryGetValue("HttpUri", out var httpUri))
        {
            throw new InvalidOperationException("The worker reported no HttpUri: it was not built with ConfigureFunctionsWebApplication().");
        }

        Send(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory } });
        var metadata = await _metadata.Task.WaitAsync(cancellationToken);
        EnsureSuccess(metadata.Result, "FunctionMetadataResponse");

        var functions = metadata.FunctionMetadataResults;
        var loads = functions.Select(function => LoadAsync(function, cancellationToken)).ToList();
        await Task.WhenAll(loads);
        return (new Uri(httpUri), functions, (connected, initialized, Stopwatch.GetTimestamp()));
    }

    public Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var response = NewSource<InvocationResponse>();
        _invocations[request.InvocationId] = response;
        Send(new StreamingMessage { InvocationRequest = request });
        return response.Task.WaitAsync(cancellationToken);
    }

    public void Cancel(string invocationId) =>
        Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });

    public void Terminate(TimeSpan gracePeriod) =>
        Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(gracePeriod) } });

    private async Task LoadAsync(RpcFunctionMetadata function, CancellationToken cancellationToken)
    {
        var loaded = NewSource<FunctionLoadResponse>();
        _loads[function.FunctionId] = loaded;
        Send(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function } });
        var response = await loaded.Task.WaitAsync(cancellationToken);
        EnsureSuccess(response.Result, $"FunctionLoadResponse for {function.Name}");
    }

    private void Receive(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                _init.TrySetResult(message.WorkerInitResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                _metadata.TrySetResult(message.FunctionMetadataResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse when _loads.TryRemove(message.FunctionLoadResponse.FunctionId, out var load):
                load.TrySetResult(message.FunctionLoadResponse);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse when _invocations.TryRemove(message.InvocationResponse.InvocationId, out var invocation):
                invocation.TrySetResult(message.InvocationResponse);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                Log(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.WorkerStatusRequest:
                Send(new StreamingMessage { RequestId = message.RequestId, WorkerStatusResponse = new WorkerStatusResponse() });
                break;
        }
    }

    private void Log(RpcLog log)
    {
        var level = log.Level == RpcLog.Types.Level.None ? LogLevel.None : (LogLevel)(int)log.Level;
        var exception = log.Exception is { } e ? $" {e.Type}: {e.Message}" : "";
        StandInLog.WorkerLog(logger, level, log.Category, log.Message, exception);
    }

    private void Send(StreamingMessage message) => _outgoing.Writer.TryWrite(message);

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> outgoing, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                await outgoing.WriteAsync(message, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void FailPending(Exception reason)
    {
        _init.TrySetException(reason);
        _metadata.TrySetException(reason);
        foreach (var pending in _loads.Values)
        {
            pending.TrySetException(reason);
        }

        foreach (var pending in _invocations.Values)
        {
            pending.TrySetException(reason);
        }
    }

    private static void EnsureSuccess(StatusResult result, string what)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{what}: {result.Status} {result.Exception?.Message}");
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
