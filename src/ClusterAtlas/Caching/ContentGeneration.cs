namespace ClusterAtlas.Caching;

/// <summary>A counter that every eviction moves: an answer is stored only if it did not move while the answer was made.</summary>
public sealed class ContentGeneration
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Advance() => Interlocked.Increment(ref _value);
}
