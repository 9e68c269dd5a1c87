using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AiChat.Core.Redis;

/// <summary>
/// A minimal Redis client: one connection, commands one at a time, RESP2 replies as string, long, object?[] or null.
/// It exists because no Redis client package restores from this project's registry (StackExchange.Redis's
/// dependencies are missing); it covers only what <see cref="Sessions.RedisSessionStore"/> sends.
/// A command that fails or is cancelled midway drops the connection, so no reply can be read by the wrong command.
/// </summary>
public sealed class RespConnection(RedisEndpoint endpoint) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TcpClient? _client;
    private BufferedStream? _stream;

    public async Task<object?> ExecuteAsync(string[] command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stream = _stream ?? await ConnectAsync(cancellationToken);
            try
            {
                return await SendAsync(stream, command, cancellationToken);
            }
            catch (Exception e) when (e is not RedisErrorException)
            {
                Disconnect();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Disconnect();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<BufferedStream> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            var stream = new BufferedStream(client.GetStream());
            if (endpoint.Password is not null)
            {
                await SendAsync(stream, ["AUTH", endpoint.Password], cancellationToken);
            }

            (_client, _stream) = (client, stream);
            return stream;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<object?> SendAsync(BufferedStream stream, string[] command, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encode(command), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return await ReadReplyAsync(stream, cancellationToken);
    }

    private static byte[] Encode(string[] command)
    {
        var text = new StringBuilder().Append('*').Append(command.Length).Append("\r\n");
        foreach (var argument in command)
        {
            text.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<object?> ReadReplyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(stream, cancellationToken);
        var payload = line[1..];
        switch (line[0])
        {
            case '+':
                return payload;
            case '-':
                throw new RedisErrorException(payload);
            case ':':
                return long.Parse(payload, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(payload, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }

                var bytes = new byte[length + 2];
                await stream.ReadExactlyAsync(bytes, cancellationToken);
                return Encoding.UTF8.GetString(bytes, 0, length);
            case '*':
                var count = int.Parse(payload, CultureInfo.InvariantCulture);
                if (count < 0)
                {
                    return null;
                }

                var items = new object?[count];
                for (var i = 0; i < count; i++)
                {
                    items[i] = await ReadReplyAsync(stream, cancellationToken);
                }

                return items;
            default:
                throw new IOException($"Redis sent an unexpected reply type '{line[0]}'.");
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new List<byte>(32);
        var one = new byte[1];
        while (true)
        {
            await stream.ReadExactlyAsync(one, cancellationToken);
            if (one[0] == '\n' && line.Count > 0 && line[^1] == '\r')
            {
                return Encoding.UTF8.GetString([.. line[..^1]]);
            }

            line.Add(one[0]);
        }
    }

    private void Disconnect()
    {
        _stream?.Dispose();
        _client?.Dispose();
        (_stream, _client) = (null, null);
    }
}
