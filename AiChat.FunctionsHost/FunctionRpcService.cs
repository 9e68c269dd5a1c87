using AiChat.FunctionsHost.Rpc;
using Grpc.Core;

namespace AiChat.FunctionsHost;

/// <summary>The FunctionRpc service the worker connects to; its one stream is the worker's channel.</summary>
internal sealed class FunctionRpcService(WorkerChannel worker) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        worker.RunAsync(requestStream, responseStream, context.CancellationToken);
}
