namespace AiChat.Functions.Tests.Hosts.Api;

/// <summary>Chat bodies that are wrong in one place each, with the field the error must name.</summary>
public static class BadChatBodies
{
    public static TheoryData<string, string> All => new()
    {
        { """[]""", "body" },
        { """{}""", "messages" },
        { """{"messages":[]}""", "messages" },
        { """{"messages":"hi"}""", "messages" },
        { """{"messages":[{"role":"robot","content":"hi"}]}""", "messages[0].role" },
        { """{"messages":[{"content":"hi"}]}""", "messages[0].role" },
        { """{"messages":[{"role":7,"content":"hi"}]}""", "messages[0].role" },
        { """{"messages":[{"role":"user","content":"hi"},{"role":"user","content":42}]}""", "messages[1].content" },
        { """{"messages":[{"role":"user"}]}""", "messages[0].content" },
        { """{"messages":["hi"]}""", "messages[0]" },
        { """{"model":"gpt-4","messages":[{"role":"user","content":"hi"}]}""", "model" },
        { """{"model":7,"messages":[{"role":"user","content":"hi"}]}""", "model" },
        { """{"temperature":2,"messages":[{"role":"user","content":"hi"}]}""", "temperature" },
        { """{"temperature":-0.1,"messages":[{"role":"user","content":"hi"}]}""", "temperature" },
        { """{"temperature":"hot","messages":[{"role":"user","content":"hi"}]}""", "temperature" },
        { """{"top_p":0,"messages":[{"role":"user","content":"hi"}]}""", "top_p" },
        { """{"top_p":1.5,"messages":[{"role":"user","content":"hi"}]}""", "top_p" },
        { """{"max_tokens":0,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens" },
        { """{"max_tokens":1.5,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens" },
        { """{"model":"qwen-max","max_tokens":8193,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens" },
        { """{"messages":[{"role":"user","content":"hi"}""", "body" },
    };
}
