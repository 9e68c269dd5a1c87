namespace AiChat.Functions.Tests.Sessions;

/// <summary>Measures the process's memory, so runs alone, after the parallel tests, whose allocations would count too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SessionMemoryTestGroup
{
    public const string Name = "Session memory";
}
