using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator;

/// <summary>Answers chat requests of one protocol: records them, picks an error or a reply, counts aborts.</summary>
internal sealed class ChatEndpoint(IChatProtocol protocol, EmulatorState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        ChatExchange? exchange = null;
        try
        {
            exchange = await ReceiveAsync(context);
            await RespondAsync(exchange);
        }
        catch (Exception e) when (e is OperationCanceledException
            || (e is IOException && context.RequestAborted.IsCancellationRequested))
        {
            if (exchange is not null)
            {
                state.Journal.Abort(exchange.Record);
            }
        }
    }

    private async Task<ChatExchange> ReceiveAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        var body = await ReadToEndAsync(reader, context.RequestAborted);
        try
        {
            var call = Parse(body, context.Request);
            string? authorization = context.Request.Headers.Authorization;
            var record = state.Journal.RecordRequests ? new ReceivedChatRequest
            {
                Protocol = protocol.Name,
                Model = call.Model,
                Stream = call.Stream,
                Messages = call.Messages,
                Body = Encoding.UTF8.GetString(body),
                Authorization = authorization,
                IncludeUsage = call.IncludeUsage,
                IncrementalOutput = call.IncrementalOutput,
                Path = context.Request.Path.Value ?? "",
                HttpVersion = context.Request.Protocol,
            } : null;
            state.Journal.Receive(record);
            return new ChatExchange(context, call, authorization, record, state.ChunkDelay);
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    private async Task RespondAsync(ChatExchange exchange)
    {
        if (exchange.Directives.Fault == EmulatorFault.SlowFirstByte)
        {
            await Task.Delay(state.SlowFirstByteDelay, exchange.Aborted);
        }

        if (FindError(exchange) is { } error)
        {
            protocol.WriteError(exchange, error);
        }
        else if (exchange.Call.Stream)
        {
            await protocol.WriteStreamAsync(exchange);
        }
        else if (exchange.Directives.Fault == EmulatorFault.CutStream)
        {
            exchange.Drop();
        }
        else
        {
            protocol.WriteCompletion(exchange);
        }
    }

    private EmulatedError? FindError(ChatExchange exchange)
    {
        if (state.Authenticate(exchange.Authorization) is { } refused)
        {
            return refused;
        }

        if ((exchange.Call.Problem ?? exchange.Directives.Problem ?? ToolHistory.Validate(exchange.Call)) is { } problem)
        {
            return EmulatedError.InvalidParameter(problem);
        }

        if (!state.Serves(exchange.Call.Model))
        {
            return EmulatedError.UnknownModel(exchange.Call.Model);
        }

        if (ThinkingRules.Check(exchange.Call, exchange.Model, protocol.MultimodalEndpoint) is { } rule)
        {
            return EmulatedError.InvalidParameter(rule);
        }

        return exchange.Directives.Fault switch
        {
            EmulatorFault.InvalidKey => EmulatedError.InvalidKey,
            EmulatorFault.UnknownModel => EmulatedError.UnknownModel(exchange.Call.Model),
            EmulatorFault.RateLimitRequests => EmulatedError.RateLimitRequests,
            EmulatorFault.RateLimitTokens => EmulatedError.RateLimitTokens,
            EmulatorFault.RateLimitBurst => EmulatedError.RateLimitBurst,
            EmulatorFault.InternalError => EmulatedError.InternalError,
            EmulatorFault.ModelUnavailable => EmulatedError.ModelUnavailable,
            EmulatorFault.Moderation when !exchange.Call.Stream => EmulatedError.Moderation,
            EmulatorFault.FailThenSucceed when state.IsFirstSeen(exchange.Directives.Text) => EmulatedError.InternalError,
            _ => null,
        };
    }

    private ChatCall Parse(ReadOnlySequence<byte> body, HttpRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return protocol.Parse(document.RootElement, request);
        }
        catch (JsonException)
        {
            return protocol.Parse(default, request);
        }
    }

    private static async Task<ReadOnlySequence<byte>> ReadToEndAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.IsCompleted)
            {
                return result.Buffer;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
