namespace AiChat.Functions.Tests.Support;

/// <summary>Settings every host the suite starts has unless a test's own settings say otherwise.</summary>
public static class TestDefaults
{
    /// <summary>
    /// The hosts run in Production, as deployed, where a start with no spend bound is refused; token limits are each
    /// test's choice, so the suite says it runs unbounded. A test of the refusal sets this to null.
    /// </summary>
    public const string AllowUnboundedSpend = "ALLOW_UNBOUNDED_SPEND";
}
