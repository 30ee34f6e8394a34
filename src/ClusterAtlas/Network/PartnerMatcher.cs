using ClusterAtlas.Profiles;

namespace ClusterAtlas.Network;

/// <summary>A profile as the matcher knows it: its names and its country.</summary>
public sealed record MatchCandidate(int ProfileId, string Name, string? Acronym, string? LocalName, string? CountryCode);

/// <summary>How sure a match is: a sure one links by itself, an uncertain one waits for the profile's administrators.</summary>
public enum MatchCertainty { Sure, Uncertain }

public sealed record PartnerMatch(int ProfileId, double Score, MatchCertainty Certainty);

/// <summary>
/// Finds the profiles a collaborating cluster, written as free text, may be. Exact names (folded: case, accents,
/// punctuation), the name with or without its acronym, and the acronym alone are sure when the country agrees and no
/// other profile answers as well; names that are only similar (character trigrams of their significant words) are
/// uncertain and go to the profile's administrators; a differing country never gives a sure match.
/// One matcher serves one match of the network: it remembers its answer per text and country, and answers one text at
/// a time (not thread-safe).
/// </summary>
public sealed class PartnerMatcher
{
    public const double SureScore = 0.92;
    public const double UncertainScore = 0.7;

    /// <summary>A word that many profiles share finds too many candidates to be useful; such words are not looked up.</summary>
    public const int MaxProfilesPerWord = 2000;

    /// <summary>Answers kept per text and country: many profiles state the same partners, matched once each.</summary>
    private const int MaxRemembered = 500_000;

    // The indexes hold positions in _profiles (not profile ids): the comparisons of a whole match read arrays, not dictionaries.
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byAcronym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly List<MatchCandidate> _profiles = [];
    private readonly List<ulong[][]> _trigramsOf = [];
    private readonly Dictionary<int, int> _positionOf = [];
    private readonly Dictionary<(string Text, string? CountryCode), (int Position, double Score)[]> _remembered = [];
    private readonly IReadOnlySet<string> _commonWords;
    // Per position, the ranking that last scored or compared it, and its score there (one ranking at a time: not thread-safe).
    private readonly int[] _scoredAt;
    private readonly int[] _comparedAt;
    private readonly double[] _scoreOf;
    private int _stamp;

    /// <param name="commonWords">
    /// Words known to be shared by more than <see cref="MaxProfilesPerWord"/> profiles of the whole platform, for a
    /// matcher given only some of them: it answers as one given every profile would.
    /// </param>
    public PartnerMatcher(IEnumerable<MatchCandidate> candidates, IReadOnlySet<string>? commonWords = null)
    {
        _commonWords = commonWords ?? new HashSet<string>();
        foreach (var candidate in candidates)
        {
            var names = NamesOf(candidate);
            var position = _profiles.Count;
            _positionOf[candidate.ProfileId] = position;
            // Each name's trigrams once: matching every stated collaboration of 100,000 profiles compares millions of pairs.
            _profiles.Add(candidate);
            _trigramsOf.Add([.. names.Select(n => Trigrams(n.Core))]);
            foreach (var acronym in AcronymsOf(candidate, names))
            {
                Add(_byAcronym, acronym, position);
            }
            foreach (var name in names)
            {
                Add(_byKey, name.Key, position);
                Add(_byKey, name.KeyWithoutAcronym, position);
                foreach (var word in name.Words)
                {
                    Add(_byWord, word, position);
                }
            }
        }
        _scoredAt = new int[_profiles.Count];
        _comparedAt = new int[_profiles.Count];
        _scoreOf = new double[_profiles.Count];
    }

    /// <summary>A term: a folded key, acronym or significant word, marked by its kind ("k:", "a:", "w:").</summary>
    public const string KeyTerm = "k:", AcronymTerm = "a:", WordTerm = "w:";

    /// <summary>Terms are cut to this length (names have at most 300 characters; "&amp;" folds to "and"): equal terms stay equal.</summary>
    public const int MaxTermLength = 400;

    /// <summary>
    /// What the matcher finds a profile by: its names' keys, its acronyms and its names' significant words. A text can
    /// only be matched to a profile it shares one of these with (<see cref="TermsOfText"/>), so they are what an index
    /// of the profiles needs to find the few a text may name.
    /// </summary>
    public static IEnumerable<string> TermsOfProfile(MatchCandidate candidate)
    {
        var names = NamesOf(candidate);
        return names.SelectMany(n => new[] { KeyTerm + n.Key, KeyTerm + n.KeyWithoutAcronym })
            .Concat(AcronymsOf(candidate, names).Select(a => AcronymTerm + a))
            .Concat(names.SelectMany(n => n.Words).Select(w => WordTerm + w))
            .Where(t => t.Length > KeyTerm.Length)
            .Select(Cut)
            .Distinct();
    }

    /// <summary>The terms a text looks profiles up by (see <see cref="TermsOfProfile"/>).</summary>
    public static IEnumerable<string> TermsOfText(string partnerName) => TermsOf(PartnerName.Parse(partnerName));

    private static IEnumerable<string> TermsOf(PartnerName name) =>
        new[] { KeyTerm + name.Key, KeyTerm + name.KeyWithoutAcronym }
            .Concat(name.Acronym is { Length: >= 2 } acronym ? [AcronymTerm + acronym] : [])
            .Concat(name.Words.Select(w => WordTerm + w))
            .Where(t => t.Length > KeyTerm.Length)
            .Select(Cut)
            .Distinct();

    private static string Cut(string term) => term.Length > MaxTermLength ? term[..MaxTermLength] : term;

    private static List<PartnerName> NamesOf(MatchCandidate candidate)
    {
        var names = new List<PartnerName> { PartnerName.Parse(candidate.Name) };
        if (!string.IsNullOrWhiteSpace(candidate.LocalName))
        {
            names.Add(PartnerName.Parse(candidate.LocalName));
        }
        return names;
    }

    private static IEnumerable<string> AcronymsOf(MatchCandidate candidate, List<PartnerName> names) =>
        names.Select(n => n.Acronym).Append(string.IsNullOrWhiteSpace(candidate.Acronym) ? null : TextFolding.MatchKey(candidate.Acronym))
            .OfType<string>().Where(a => a.Length >= 2).Distinct();

    private static void Add(Dictionary<string, List<int>> index, string key, int id)
    {
        if (key.Length == 0)
        {
            return;
        }
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        if (list.Count == 0 || list[^1] != id)
        {
            list.Add(id);
        }
    }

    /// <summary>The profiles the text may name, best first: one sure match, or up to three uncertain ones, or none.</summary>
    public IReadOnlyList<PartnerMatch> Match(string partnerName, string? countryCode, int ownProfileId)
    {
        if (!_remembered.TryGetValue((partnerName, countryCode), out var best))
        {
            best = Rank(partnerName, countryCode);
            if (_remembered.Count < MaxRemembered)
            {
                _remembered[(partnerName, countryCode)] = best;
            }
        }
        // The text's answer is the same for every profile that states it, but for the profile itself, which it never names.
        var own = _positionOf.GetValueOrDefault(ownProfileId, -1);
        var ranked = best.Where(r => r.Position != own).Take(3).ToList();
        if (ranked.Count == 0)
        {
            return [];
        }
        var first = ranked[0];
        var candidate = _profiles[first.Position];
        var countryAgrees = countryCode is null || candidate.CountryCode is null
            || string.Equals(countryCode, candidate.CountryCode, StringComparison.OrdinalIgnoreCase);
        var alone = ranked.Count == 1 || ranked[1].Score < first.Score - 0.1;
        if (first.Score >= SureScore && countryAgrees && alone)
        {
            return [new PartnerMatch(candidate.ProfileId, Math.Min(1, first.Score), MatchCertainty.Sure)];
        }
        return [.. ranked.Select(r => new PartnerMatch(_profiles[r.Position].ProfileId, Math.Min(1, r.Score), MatchCertainty.Uncertain))];
    }

    /// <summary>
    /// The four best profiles for the text with their scores (country weighed in), whoever states it: one more than a
    /// match gives, so that three remain when the stating profile is among them.
    /// </summary>
    private (int Position, double Score)[] Rank(string partnerName, string? countryCode)
    {
        var name = PartnerName.Parse(partnerName);
        var trigrams = Trigrams(name.Core);
        // Marks per position instead of sets: a text of common words looks at thousands of profiles.
        var stamp = ++_stamp;
        var scored = new List<int>();
        void Consider(int position, double score)
        {
            // A score under the threshold stays under it once the country is weighed in (a factor of at most 1): dropped now.
            if (score < UncertainScore)
            {
                return;
            }
            if (_scoredAt[position] != stamp)
            {
                _scoredAt[position] = stamp;
                _scoreOf[position] = score;
                scored.Add(position);
            }
            else if (score > _scoreOf[position])
            {
                _scoreOf[position] = score;
            }
        }
        foreach (var key in new[] { name.Key, name.KeyWithoutAcronym }.Distinct())
        {
            foreach (var position in _byKey.GetValueOrDefault(key) ?? [])
            {
                Consider(position, 1.0);
            }
        }
        if (name.Acronym is { Length: >= 2 } acronym)
        {
            // "TCS" alone is the acronym; "Toolmakers cluster of Slovenia TCS" says it twice, which is surer.
            var acronymAlone = name.Words.Count == 0 || name.KeyWithoutAcronym == acronym;
            foreach (var position in _byAcronym.GetValueOrDefault(acronym) ?? [])
            {
                Consider(position, acronymAlone ? 0.93 : Math.Max(0.8, Similarity(trigrams, position, onlyUseful: false) * 0.5 + 0.5));
            }
        }
        foreach (var word in name.Words)
        {
            if (_byWord.TryGetValue(word, out var positions) && positions.Count <= MaxProfilesPerWord && !_commonWords.Contains(word))
            {
                foreach (var position in positions)
                {
                    if (_scoredAt[position] != stamp && _comparedAt[position] != stamp)
                    {
                        _comparedAt[position] = stamp;
                        Consider(position, Similarity(trigrams, position, onlyUseful: true));
                    }
                }
            }
        }
        return [.. scored
            .Select(position => (Position: position, Id: _profiles[position].ProfileId, Score: _scoreOf[position] * CountryFactor(countryCode, _profiles[position].CountryCode)))
            .Where(s => s.Score >= UncertainScore)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Id)
            .Take(4)
            .Select(s => (s.Position, s.Score))];
    }

    /// <summary>A differing country makes a match doubtful, never impossible: a cluster may be registered elsewhere.</summary>
    private static double CountryFactor(string? stated, string? actual) =>
        stated is null || actual is null || string.Equals(stated, actual, StringComparison.OrdinalIgnoreCase) ? 1.0 : 0.75;

    /// <summary>
    /// The best similarity of the text to one of the profile's names. With <paramref name="onlyUseful"/>, a name whose
    /// similarity could not reach <see cref="UncertainScore"/> (Dice is at most 2·min/sum of the two trigram counts,
    /// so names of very different lengths) counts as 0 without being compared: such a score is dropped anyway.
    /// </summary>
    private double Similarity(ulong[] trigrams, int position, bool onlyUseful)
    {
        var best = 0.0;
        foreach (var other in _trigramsOf[position])
        {
            var bound = 2.0 * Math.Min(trigrams.Length, other.Length) / Math.Max(1, trigrams.Length + other.Length);
            if (bound > best && (!onlyUseful || bound >= UncertainScore))
            {
                best = Math.Max(best, onlyUseful ? DiceOfAtLeast(trigrams, other, UncertainScore) : Dice(trigrams, other));
            }
        }
        return best;
    }

    /// <summary>The Dice coefficient of the character trigrams of two texts (padded, so short words count).</summary>
    public static double TrigramDice(string a, string b) => a == b && a.Length > 0 ? 1 : Dice(Trigrams(a), Trigrams(b));

    /// <summary>Two sorted multisets of trigrams: twice the shared ones over all of them.</summary>
    private static double Dice(ulong[] first, ulong[] second) => DiceOfAtLeast(first, second, 0);

    /// <summary>
    /// The Dice coefficient when it is at least <paramref name="threshold"/>, else 0, found out as soon as the trigrams
    /// left cannot reach it: most pairs a whole match compares are far apart, and it stops early on them.
    /// </summary>
    private static double DiceOfAtLeast(ulong[] first, ulong[] second, double threshold)
    {
        var total = first.Length + second.Length;
        if (first.Length == 0 || second.Length == 0)
        {
            return 0;
        }
        // The fewest shared trigrams that give the threshold, computed as the result is (so the two never disagree).
        var needed = (int)Math.Ceiling(threshold * total / 2);
        while (needed > 0 && 2.0 * (needed - 1) / total >= threshold)
        {
            needed--;
        }
        while (2.0 * needed / total < threshold)
        {
            needed++;
        }
        int i = 0, j = 0, common = 0;
        while (i < first.Length && j < second.Length)
        {
            if (common + Math.Min(first.Length - i, second.Length - j) < needed)
            {
                return 0;
            }
            if (first[i] == second[j])
            {
                common++;
                i++;
                j++;
            }
            else if (first[i] < second[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        var dice = 2.0 * common / total;
        return dice >= threshold ? dice : 0;
    }

    /// <summary>The text's character trigrams, each packed into a number, sorted (repeats kept); none for an empty text.</summary>
    private static ulong[] Trigrams(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var padded = "  " + text + " ";
        var grams = new ulong[padded.Length - 2];
        for (var i = 0; i < grams.Length; i++)
        {
            grams[i] = ((ulong)padded[i] << 32) | ((ulong)padded[i + 1] << 16) | padded[i + 2];
        }
        Array.Sort(grams);
        return grams;
    }
}
