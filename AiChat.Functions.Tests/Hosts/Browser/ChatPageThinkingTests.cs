namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>The chat page with a thinking model: the reasoning fills a foldable block above the answer.</summary>
public sealed class ChatPageThinkingTests(ChatPageFixture fixture) : IClassFixture<ChatPageFixture>
{
    [Fact]
    public async Task Reasoning_fills_the_thinking_block_before_the_answer_arrives_below_it()
    {
        var page = await fixture.OpenPageAsync();
        await Expect(page.Locator("#model option[value='qwen3.6-plus']")).ToHaveTextAsync(new Regex(@"\(thinks, images\)$"));
        await Expect(page.Locator("#model option[value='qwen-plus']")).ToHaveTextAsync("通义千问-Plus");
        await page.GetByLabel("Model").SelectOptionAsync("qwen3.6-plus");
        // Every painted state of the answer: what the thinking block and the answer text held.
        await page.EvaluateAsync("""
            () => {
              window.answerStates = [];
              const watch = () => {
                const answer = document.querySelector("#messages li.assistant");
                const state = answer ? [answer.querySelector(".reasoning")?.textContent ?? "", answer.querySelector(".text")?.textContent ?? ""] : ["", ""];
                const last = window.answerStates.at(-1);
                if ((state[0] || state[1]) && (!last || last[0] !== state[0] || last[1] !== state[1])) window.answerStates.push(state);
                requestAnimationFrame(watch);
              };
              requestAnimationFrame(watch);
            }
            """);

        await page.GetByLabel("Message").FillAsync("why is the sky blue [[chunk-delay-ms:60]]");
        await page.GetByLabel("Message").PressAsync("Enter");

        var answer = page.Locator("#messages li.assistant");
        var block = answer.Locator("details.thinking");
        await Expect(block.Locator(".reasoning")).ToHaveTextAsync("Thinking about: why is the sky blue");
        await Expect(answer.Locator(".text")).ToHaveTextAsync("You said: why is the sky blue");
        await Expect(answer).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(block.Locator("summary")).ToHaveTextAsync("Thought");
        Assert.True(await answer.EvaluateAsync<bool>("li => li.firstElementChild.matches('details.thinking') && li.lastElementChild.matches('.text')"),
            "the thinking block is not above the answer");
        var states = await page.EvaluateAsync<string[][]>("() => window.answerStates");
        Assert.Contains(states, s => s[0].Length > 0 && s[0] != "Thinking about: why is the sky blue" && s[1].Length == 0);
        Assert.Equal(["Thinking about: why is the sky blue", "You said: why is the sky blue"], states[^1]);

        await block.Locator("summary").ClickAsync();
        await Expect(block.Locator(".reasoning")).ToBeHiddenAsync();
        await Expect(answer.Locator(".text")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
