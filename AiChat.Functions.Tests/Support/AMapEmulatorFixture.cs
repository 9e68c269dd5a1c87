namespace AiChat.Functions.Tests.Support;

/// <summary>One AMap emulator shared by the tests of a class.</summary>
public sealed class AMapEmulatorFixture : IAsyncLifetime
{
    public AMapEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await AMapEmulator.StartAsync();

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
