namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// "Did you mean": each unknown word replaced by the nearest known word (names, vocabulary, countries). A word is
/// left as typed when it is known, another form of a known word, or found in some profile (<paramref name="inIndex"/>
/// for each token): "smart textiles" must not become "start textiles".
/// </summary>
public static class SpellingSuggestion
{
    public static string? For(SearchText text, IReadOnlySet<string> knownWords, IReadOnlySet<string> knownStems, IReadOnlyList<bool> inIndex)
    {
        var changed = false;
        var suggested = new List<string>();
        for (var t = 0; t < text.Tokens.Count; t++)
        {
            var token = text.Tokens[t];
            if (token.Length < 3 || inIndex[t] || knownWords.Contains(token) || knownStems.Contains(text.Stems[t]))
            {
                suggested.Add(token);
                continue;
            }
            var allowed = token.Length <= 4 ? 1 : 2;
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var word in knownWords)
            {
                if (Math.Abs(word.Length - token.Length) > allowed)
                {
                    continue;
                }
                var distance = Distance(token, word, allowed);
                if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(word, best) < 0))
                {
                    (best, bestDistance) = (word, distance);
                }
            }
            if (best is not null && bestDistance <= allowed)
            {
                suggested.Add(best);
                changed = true;
            }
            else
            {
                suggested.Add(token);
            }
        }
        return changed ? string.Join(' ', suggested) : null;
    }

    /// <summary>Levenshtein distance, giving up early once it exceeds the limit.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit)
            {
                return int.MaxValue;
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
