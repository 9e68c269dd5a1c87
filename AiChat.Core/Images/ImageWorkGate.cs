namespace AiChat.Core.Images;

/// <summary>
/// How many requests' images are worked on at once, whatever the number of clients: parsing a body of megabytes
/// (its copy, its data URLs decoded from base64) and decoding and re-encoding each image are CPU-bound, so one at a
/// time per core costs no throughput, and what they allocate is held by that many requests at most; the others wait
/// with their bodies as they arrived (docs/images.md#memory).
/// </summary>
internal sealed class ImageWorkGate : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount));

    /// <summary>Waits for a slot; every completed wait is followed by one <see cref="Release"/>.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
