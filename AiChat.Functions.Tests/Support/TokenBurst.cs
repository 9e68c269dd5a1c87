namespace AiChat.Functions.Tests.Support;

/// <summary>What a burst of completions against a token limit may spend: the limit, passed by at most one answer.</summary>
public static class TokenBurst
{
    /// <summary>
    /// Every answer is a 200 whose usage counts, or a 429 from the token limit; at least one was answered, and
    /// together the 200s spent at most the limit and one answer more.
    /// </summary>
    public static void AssertWithinOneAnswer(IReadOnlyList<(int Status, string Body, HttpResponseMessage Response)> answers, long limit)
    {
        var spent = answers.Where(a => a.Status == 200).Select(a => Json.Parse(a.Body).GetProperty("usage").GetProperty("total_tokens").GetInt64()).ToList();
        var refused = answers.Where(a => a.Status != 200).ToList();

        Assert.NotEmpty(spent);
        Assert.All(refused, a =>
        {
            Assert.Equal(429, a.Status);
            Assert.Equal("tokens_per_day_exceeded", Json.Parse(a.Body).GetProperty("code").GetString());
        });
        Assert.InRange(spent.Sum(), 1, limit + spent.Max());
    }
}
