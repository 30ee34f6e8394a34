namespace ClusterAtlas.Network;

/// <summary>
/// Scores of the few profiles a recommendation touches, each a row of <see cref="Width"/> values, with an index from
/// node to row sized to the network once per thread. Rows for every profile were 112 MB per thread at a million
/// profiles (fourteen signals of eight bytes), and "similar clusters" kept a dictionary of every candidate.
/// </summary>
public sealed class SparseScores(int width)
{
    private int[] _rowOf = [];
    private double[] _values = new double[1024 * width];
    private readonly List<int> _touched = new(1024);

    public int Width { get; } = width;

    /// <summary>The nodes touched since the last <see cref="Clear"/>, in the order first touched.</summary>
    public IReadOnlyList<int> Touched => _touched;

    /// <summary>Sizes the index to a network of <paramref name="nodes"/> profiles and forgets every score.</summary>
    public SparseScores For(int nodes)
    {
        Clear();
        if (_rowOf.Length < nodes)
        {
            _rowOf = new int[nodes];
        }
        return this;
    }

    /// <summary>The row of <paramref name="node"/>, touched (all zero) if it was not.</summary>
    public Span<double> Row(int node)
    {
        var row = _rowOf[node] - 1;
        if (row < 0)
        {
            row = _touched.Count;
            _touched.Add(node);
            _rowOf[node] = row + 1;
            if ((row + 1) * Width > _values.Length)
            {
                Array.Resize(ref _values, _values.Length * 2);
            }
        }
        return _values.AsSpan(row * Width, Width);
    }

    /// <summary>The row of a touched node (empty if untouched), without touching it.</summary>
    public ReadOnlySpan<double> Peek(int node)
    {
        var row = _rowOf[node] - 1;
        return row < 0 ? [] : _values.AsSpan(row * Width, Width);
    }

    public void Clear()
    {
        foreach (var node in _touched)
        {
            _rowOf[node] = 0;
        }
        Array.Clear(_values, 0, _touched.Count * Width);
        _touched.Clear();
    }
}
