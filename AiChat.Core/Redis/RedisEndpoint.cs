using System.Globalization;

namespace AiChat.Core.Redis;

/// <summary>REDIS_CONNECTION: <c>host:port</c>, optionally followed by <c>,password=...</c>.</summary>
public sealed record RedisEndpoint(string Host, int Port, string? Password)
{
    public static RedisEndpoint Parse(string connection)
    {
        var parts = connection.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new FormatException("REDIS_CONNECTION is empty.");
        }

        var hostPort = parts[0].Split(':');
        var port = hostPort.Length > 1 ? int.Parse(hostPort[1], CultureInfo.InvariantCulture) : 6379;
        var password = parts.Skip(1).Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "password") is [_, var value] ? value : null;
        return new RedisEndpoint(hostPort[0], port, password);
    }

    public override string ToString() => $"{Host}:{Port}";
}
