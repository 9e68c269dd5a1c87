using AiChat.Core.Images;
using AiChat.Core.Redis;
using StackExchange.Redis;

namespace AiChat.Core.Sessions;

/// <summary>
/// Sessions in Redis, so every instance behind a load balancer sees the same conversations. Each session is one
/// JSON object, <c>{"owner", "messages"}</c> (<see cref="StoredSession"/>), under <c>aichat:session:{id}</c> with a PX
/// expiry; a turn is appended and trimmed by one Lua script, which Redis runs atomically, so concurrent turns on a
/// session lose no message and a turn never brings back a session deleted while it ran.
/// </summary>
internal sealed class RedisSessionStore(RedisConnection redis, IOptions<SessionOptions> options) : ISessionStore
{
    // The rules of SessionTrimmer and SessionImageBudget, in Lua (a tool exchange is dropped whole). Lengths count code points: every byte that is not a UTF-8 continuation byte.
    private const string AppendScript = """
        local current = redis.call('GET', KEYS[1])
        if not current then return 0 end
        local session = cjson.decode(current)
        local messages = session.messages
        if type(messages) ~= 'table' then return 0 end
        local firstNew = #messages + 1
        for _, m in ipairs(cjson.decode(ARGV[1])) do table.insert(messages, m) end
        local maxMessages, maxChars = tonumber(ARGV[2]), tonumber(ARGV[3])
        local function length(s) local _, n = string.gsub(s, '[^\128-\191]', '') return n end
        local function oldestNotSystem()
          for i = 1, firstNew - 1 do if messages[i].role ~= 'system' then return i end end
          return nil
        end
        local count, chars = #messages, 0
        for _, m in ipairs(messages) do chars = chars + length(m.content) end
        local function dropGroup(i)
          repeat
            count = count - 1; chars = chars - length(messages[i].content)
            table.remove(messages, i); firstNew = firstNew - 1
          until i >= firstNew or messages[i].role ~= 'tool'
        end
        while (count > maxMessages or chars > maxChars) and firstNew > 1 do
          dropGroup(1)
        end
        while true do
          local i = oldestNotSystem()
          if not i or (messages[i].role ~= 'assistant' and messages[i].role ~= 'tool') then break end
          dropGroup(i)
        end
        local maxImageBytes, imageBytes = tonumber(ARGV[5]), 0
        for _, m in ipairs(messages) do
          if type(m.images) == 'table' then for _, im in ipairs(m.images) do imageBytes = imageBytes + im.size end end
        end
        for _, m in ipairs(messages) do
          if imageBytes <= maxImageBytes then break end
          if type(m.images) == 'table' then
            local kept, parts = {}, {}
            for _, im in ipairs(m.images) do
              if imageBytes > maxImageBytes then imageBytes = imageBytes - im.size; table.insert(parts, ARGV[6]) else table.insert(kept, im) end
            end
            if #m.content > 0 then table.insert(parts, m.content) end
            m.content = table.concat(parts, ' ')
            if #kept > 0 then m.images = kept else m.images = nil end
          end
        end
        session.messages = messages
        redis.call('SET', KEYS[1], cjson.encode(session), 'PX', ARGV[4])
        return 1
        """;

    // A session with an owner answers only to that owner (ARGV[1]); to anyone else it is unknown, and its expiry is left
    // alone. A value of an earlier version (a bare array) has no owner field: it reads as unknown, and expires.
    private const string GetScript = """
        local current = redis.call('GET', KEYS[1])
        if not current then return false end
        local owner = cjson.decode(current).owner
        if owner ~= '' and owner ~= ARGV[1] then return false end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return current
        """;

    private const string DeleteScript = """
        local current = redis.call('GET', KEYS[1])
        if not current then return 0 end
        local owner = cjson.decode(current).owner
        if owner ~= '' and owner ~= ARGV[1] then return 0 end
        return redis.call('DEL', KEYS[1])
        """;

    private readonly SessionOptions _options = options.Value;

    public Task CreateAsync(string sessionId, string owner, CancellationToken cancellationToken) =>
        ExecuteAsync(db => db.StringSetAsync(Key(sessionId), JsonSerializer.Serialize(new StoredSession(owner, []), SessionJsonContext.Default.StoredSession), _options.Ttl));

    public async Task<IReadOnlyList<ChatMessage>?> GetAsync(string sessionId, string caller, CancellationToken cancellationToken)
    {
        var json = await ExecuteAsync(db => db.ScriptEvaluateAsync(GetScript, [Key(sessionId)], [caller, (long)_options.Ttl.TotalMilliseconds]));
        return json.IsNull ? null : JsonSerializer.Deserialize((string)json!, SessionJsonContext.Default.StoredSession)!.Messages;
    }

    public async Task<bool> AppendAsync(string sessionId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var turn = JsonSerializer.Serialize([.. messages], SessionJsonContext.Default.ListChatMessage);
        var saved = await ExecuteAsync(db => db.ScriptEvaluateAsync(
            AppendScript, [Key(sessionId)], [turn, _options.MaxMessages, _options.MaxChars, (long)_options.Ttl.TotalMilliseconds, _options.MaxImageBytes, ImagePlaceholder.Dropped]));
        return (int)saved == 1;
    }

    public async Task<bool> DeleteAsync(string sessionId, string caller, CancellationToken cancellationToken) =>
        (int)await ExecuteAsync(db => db.ScriptEvaluateAsync(DeleteScript, [Key(sessionId)], [caller])) == 1;

    private static string Key(string sessionId) => "aichat:session:" + sessionId;

    // StackExchange.Redis commands take no CancellationToken: each ends by its own timeout, or at once while Redis is down.
    private async Task<T> ExecuteAsync<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            return await command(await redis.GetDatabaseAsync());
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            throw new SessionStoreUnavailableException(e);
        }
    }
}
