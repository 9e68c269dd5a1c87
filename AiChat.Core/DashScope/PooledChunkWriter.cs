using System.Buffers;

namespace AiChat.Core.DashScope;

/// <summary>
/// A buffer writer over chunks rented from the shared pool and returned on dispose: what is written is kept chunk by
/// chunk (never copied into one growing array), or with <c>keep: false</c> only counted, over one chunk reused.
/// </summary>
internal sealed class PooledChunkWriter(bool keep) : IBufferWriter<byte>, IDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<byte[]> _rented = [];
    private readonly List<ReadOnlyMemory<byte>> _chunks = [];
    private byte[] _current = [];
    private int _used;

    /// <summary>The bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>What was written, in order; valid until disposed.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Chunks
    {
        get
        {
            Seal();
            return _chunks;
        }
    }

    public void Advance(int count)
    {
        _used += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current.Length - _used < needed)
        {
            Seal();
            if (keep || _current.Length < needed)
            {
                _current = ArrayPool<byte>.Shared.Rent(Math.Max(needed, ChunkSize));
                _rented.Add(_current);
            }
        }

        return _current.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public void Dispose()
    {
        foreach (var chunk in _rented)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _rented.Clear();
        _chunks.Clear();
        _current = [];
    }

    /// <summary>Closes the chunk being written: kept, what it holds joins the output; counted only, it is written over.</summary>
    private void Seal()
    {
        if (keep && _used > 0)
        {
            _chunks.Add(_current.AsMemory(0, _used));
            _current = [];
        }

        _used = 0;
    }
}
