using System.Globalization;
using System.Text.Json;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.Redis;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Sessions;

/// <summary>
/// Sessions in Redis, so every instance behind a load balancer sees the same conversations. Each session is one
/// JSON array under <c>aichat:session:{id}</c> with a PX expiry; a turn is appended and trimmed by one Lua script,
/// which Redis runs atomically, so concurrent turns on a session lose no message.
/// </summary>
public sealed class RedisSessionStore(RespConnection redis, IOptions<SessionOptions> options) : ISessionStore
{
    // The rule of SessionTrimmer, in Lua (a tool exchange is dropped whole). Lengths count code points: every byte that is not a UTF-8 continuation byte.
    private const string AppendScript = """
        local messages = {}
        local current = redis.call('GET', KEYS[1])
        if current then messages = cjson.decode(current) end
        local firstNew = #messages + 1
        for _, m in ipairs(cjson.decode(ARGV[1])) do table.insert(messages, m) end
        local maxMessages, maxChars = tonumber(ARGV[2]), tonumber(ARGV[3])
        local function length(s) local _, n = string.gsub(s, '[^\128-\191]', '') return n end
        local function oldestDroppable()
          for i = 1, firstNew - 1 do if messages[i].role ~= 'system' then return i end end
          return nil
        end
        local count, chars = 0, 0
        for _, m in ipairs(messages) do
          if m.role ~= 'system' then count = count + 1; chars = chars + length(m.content) end
        end
        local function dropGroup(i)
          repeat
            count = count - 1; chars = chars - length(messages[i].content)
            table.remove(messages, i); firstNew = firstNew - 1
          until i >= firstNew or messages[i].role ~= 'tool'
        end
        while count > maxMessages or chars > maxChars do
          local i = oldestDroppable()
          if not i then break end
          dropGroup(i)
        end
        while true do
          local i = oldestDroppable()
          if not i or (messages[i].role ~= 'assistant' and messages[i].role ~= 'tool') then break end
          dropGroup(i)
        end
        redis.call('SET', KEYS[1], cjson.encode(messages), 'PX', ARGV[4])
        return #messages
        """;

    private readonly SessionOptions _options = options.Value;

    private string TtlMilliseconds => ((long)_options.Ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    public Task CreateAsync(string sessionId, CancellationToken cancellationToken) =>
        ExecuteAsync(["SET", Key(sessionId), "[]", "PX", TtlMilliseconds], cancellationToken);

    public async Task<IReadOnlyList<ChatMessage>?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var json = (string?)await ExecuteAsync(["GETEX", Key(sessionId), "PX", TtlMilliseconds], cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize(json, SessionJsonContext.Default.ListChatMessage);
    }

    public Task AppendAsync(string sessionId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var turn = JsonSerializer.Serialize([.. messages], SessionJsonContext.Default.ListChatMessage);
        return ExecuteAsync(
            ["EVAL", AppendScript, "1", Key(sessionId), turn,
             _options.MaxMessages.ToString(CultureInfo.InvariantCulture), _options.MaxChars.ToString(CultureInfo.InvariantCulture), TtlMilliseconds],
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken) =>
        (long)(await ExecuteAsync(["DEL", Key(sessionId)], cancellationToken))! == 1;

    private static string Key(string sessionId) => "aichat:session:" + sessionId;

    private async Task<object?> ExecuteAsync(string[] command, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.ExecuteAsync(command, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or RedisErrorException)
        {
            throw new SessionStoreUnavailableException(e);
        }
    }
}
