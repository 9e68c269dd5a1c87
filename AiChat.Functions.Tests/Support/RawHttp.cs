using System.Net.Sockets;

namespace AiChat.Functions.Tests.Support;

/// <summary>HTTP/1.1 spoken by hand over a socket, for requests no HTTP client would send.</summary>
public static class RawHttp
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The request line and headers of a POST that asks the server to close the connection after answering.</summary>
    public static byte[] Head(string path, params string[] headers) =>
        Encoding.Latin1.GetBytes($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n");

    /// <summary>
    /// Sends <paramref name="request"/> and reads the answer until the server closes the connection. The sending side
    /// stays open: Kestrel takes a client's half-close for a disconnect and would not answer.
    /// </summary>
    public static async Task<RawHttpResponse> SendAsync(Uri address, byte[] request)
    {
        using var patience = new CancellationTokenSource(Patience);
        using var socket = await ConnectAsync(address, patience.Token);
        await socket.SendAsync(request, patience.Token);
        return await ReceiveAsync(socket, patience.Token);
    }

    /// <summary>
    /// Sends <paramref name="head"/>, then <paramref name="body"/> one byte per <paramref name="interval"/>, stopping when
    /// the server answers, and reads the answer.
    /// </summary>
    public static async Task<RawHttpResponse> SendSlowlyAsync(Uri address, byte[] head, byte[] body, TimeSpan interval)
    {
        using var patience = new CancellationTokenSource(Patience);
        using var socket = await ConnectAsync(address, patience.Token);
        await socket.SendAsync(head, patience.Token);
        var answer = ReceiveAsync(socket, patience.Token);
        using var timer = new PeriodicTimer(interval);
        for (var sent = 0; sent < body.Length && !answer.IsCompleted && await timer.WaitForNextTickAsync(patience.Token); sent++)
        {
            try
            {
                await socket.SendAsync(body.AsMemory(sent, 1), patience.Token);
            }
            catch (SocketException)
            {
                break; // The server gave up on us and closed: its answer is what the test reads.
            }
        }

        return await answer;
    }

    private static async Task<Socket> ConnectAsync(Uri address, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(address.Host, address.Port, cancellationToken);
        return socket;
    }

    private static async Task<RawHttpResponse> ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (SocketException) when (received.Length > 0)
            {
                break; // A reset after the answer (the server closed with our unread bytes pending) ends it as well.
            }

            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        return RawHttpResponse.Parse(received.ToArray());
    }
}
