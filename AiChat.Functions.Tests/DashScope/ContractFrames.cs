namespace AiChat.Functions.Tests.DashScope;

/// <summary>Frames and bodies as DashScope sends them (docs/dashscope-streams.md).</summary>
internal static class ContractFrames
{
    public const string CompatibleCompletion = """
        {"choices":[{"message":{"role":"assistant","content":"I am Qwen."},"finish_reason":"stop","index":0,"logprobs":null}],
         "object":"chat.completion",
         "usage":{"prompt_tokens":11,"completion_tokens":65,"total_tokens":76,"prompt_tokens_details":{"cached_tokens":0}},
         "created":1770285809,"system_fingerprint":null,"model":"qwen-plus","id":"chatcmpl-63414f89-e97d-9449-8f3c-1e72cf1f6e40"}
        """;

    public const string CompatibleStream = """
        data: {"choices":[{"delta":{"content":"","role":"assistant"},"index":0,"logprobs":null,"finish_reason":null}],"object":"chat.completion.chunk","usage":null,"created":1726132850,"system_fingerprint":null,"model":"qwen-plus","id":"chatcmpl-428b"}

        data: {"choices":[{"finish_reason":null,"delta":{"content":"I am"},"index":0,"logprobs":null}],"object":"chat.completion.chunk","usage":null,"created":1726132850,"system_fingerprint":null,"model":"qwen-plus","id":"chatcmpl-428b"}

        data: {"choices":[{"finish_reason":null,"delta":{"content":" Qwen."},"index":0,"logprobs":null}],"object":"chat.completion.chunk","usage":null,"created":1726132850,"system_fingerprint":null,"model":"qwen-plus","id":"chatcmpl-428b"}

        data: {"choices":[{"finish_reason":"stop","delta":{"content":""},"index":0,"logprobs":null}],"object":"chat.completion.chunk","usage":null,"created":1726132850,"system_fingerprint":null,"model":"qwen-plus","id":"chatcmpl-428b"}

        data: {"choices":[],"object":"chat.completion.chunk","usage":{"prompt_tokens":22,"completion_tokens":17,"total_tokens":39},"created":1726132850,"system_fingerprint":null,"model":"qwen-plus","id":"chatcmpl-428b"}

        data: [DONE]


        """;

    public const string CompatibleStreamWithModeration = """
        data: {"choices":[{"finish_reason":null,"delta":{"content":"I am"},"index":0,"logprobs":null}],"object":"chat.completion.chunk","usage":null,"model":"qwen-plus","id":"chatcmpl-428b"}

        data: {"error":{"code":"data_inspection_failed","type":"data_inspection_failed","message":"Output data may contain inappropriate content."},"request_id":"rq-9"}


        """;

    public const string NativeCompletion = """
        {"output":{"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":"1+1 等于 2。"}}]},
         "usage":{"total_tokens":47,"output_tokens":39,"input_tokens":8},"request_id":"e764bfe3-c0b7-97a0-ae57-cd99e1580960"}
        """;

    public const string NativeTextCompletion = """
        {"output":{"finish_reason":"stop","text":"1+1 等于 2。"},"usage":{"total_tokens":47,"output_tokens":39,"input_tokens":8},"request_id":"e764bfe3"}
        """;

    public const string NativeStream = """
        id:1
        event:result
        :HTTP_STATUS/200
        data:{"output":{"choices":[{"message":{"content":"I am","role":"assistant"},"finish_reason":"null"}]},"usage":{"total_tokens":27,"output_tokens":1,"input_tokens":26},"request_id":"d30a9914-01"}

        id:2
        event:result
        :HTTP_STATUS/200
        data:{"output":{"choices":[{"message":{"content":" Qwen.","role":"assistant"},"finish_reason":"null"}]},"usage":{"total_tokens":28,"output_tokens":2,"input_tokens":26},"request_id":"d30a9914-01"}

        id:3
        event:result
        :HTTP_STATUS/200
        data:{"output":{"choices":[{"message":{"content":"","role":"assistant"},"finish_reason":"stop"}]},"usage":{"total_tokens":29,"output_tokens":3,"input_tokens":26},"request_id":"d30a9914-01"}


        """;

    public const string NativeErrorFrame = """
        id:1
        event:error
        :HTTP_STATUS/400
        data:{"code":"InvalidParameter","message":"Role must be user or assistant and Content length must be greater than 0","request_id":"rq-1"}


        """;

    public const string NativeFlatError = """{"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"rq-2"}""";

    public const string CompatibleError = """
        {"error":{"message":"Incorrect API key provided. For details, see: https://help.aliyun.com/","type":"invalid_request_error","param":null,"code":"invalid_api_key"},"request_id":"rq-3","id":"chatcmpl-rq-3"}
        """;
}
