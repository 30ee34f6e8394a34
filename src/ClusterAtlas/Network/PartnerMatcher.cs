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
/// </summary>
public sealed class PartnerMatcher
{
    public const double SureScore = 0.92;
    public const double UncertainScore = 0.7;

    /// <summary>A word that many profiles share finds too many candidates to be useful; such words are not indexed.</summary>
    private const int MaxProfilesPerWord = 2000;

    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byAcronym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (MatchCandidate Candidate, List<PartnerName> Names, ulong[][] Trigrams)> _profiles = [];

    public PartnerMatcher(IEnumerable<MatchCandidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            var names = new List<PartnerName> { PartnerName.Parse(candidate.Name) };
            if (!string.IsNullOrWhiteSpace(candidate.LocalName))
            {
                names.Add(PartnerName.Parse(candidate.LocalName));
            }
            // Each name's trigrams once: matching every stated collaboration of 100,000 profiles compares millions of pairs.
            _profiles[candidate.ProfileId] = (candidate, names, [.. names.Select(n => Trigrams(n.Core))]);
            var acronyms = names.Select(n => n.Acronym).Append(string.IsNullOrWhiteSpace(candidate.Acronym) ? null : TextFolding.MatchKey(candidate.Acronym));
            foreach (var acronym in acronyms.OfType<string>().Where(a => a.Length >= 2).Distinct())
            {
                Add(_byAcronym, acronym, candidate.ProfileId);
            }
            foreach (var name in names)
            {
                Add(_byKey, name.Key, candidate.ProfileId);
                Add(_byKey, name.KeyWithoutAcronym, candidate.ProfileId);
                foreach (var word in name.Words)
                {
                    Add(_byWord, word, candidate.ProfileId);
                }
            }
        }
    }

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
        var name = PartnerName.Parse(partnerName);
        var trigrams = Trigrams(name.Core);
        var scores = new Dictionary<int, double>();
        var compared = new HashSet<int>();
        void Consider(int id, double score)
        {
            if (id != ownProfileId && score > scores.GetValueOrDefault(id))
            {
                scores[id] = score;
            }
        }
        foreach (var key in new[] { name.Key, name.KeyWithoutAcronym }.Distinct())
        {
            foreach (var id in _byKey.GetValueOrDefault(key) ?? [])
            {
                Consider(id, 1.0);
            }
        }
        if (name.Acronym is { Length: >= 2 } acronym)
        {
            // "TCS" alone is the acronym; "Toolmakers cluster of Slovenia TCS" says it twice, which is surer.
            var acronymAlone = name.Words.Count == 0 || name.KeyWithoutAcronym == acronym;
            foreach (var id in _byAcronym.GetValueOrDefault(acronym) ?? [])
            {
                Consider(id, acronymAlone ? 0.93 : Math.Max(0.8, Similarity(trigrams, id, onlyUseful: false) * 0.5 + 0.5));
            }
        }
        foreach (var word in name.Words)
        {
            if (_byWord.TryGetValue(word, out var ids) && ids.Count <= MaxProfilesPerWord)
            {
                foreach (var id in ids)
                {
                    if (!scores.ContainsKey(id) && compared.Add(id))
                    {
                        Consider(id, Similarity(trigrams, id, onlyUseful: true));
                    }
                }
            }
        }
        var ranked = scores
            .Select(s => (Id: s.Key, Score: s.Value * CountryFactor(countryCode, _profiles[s.Key].Candidate.CountryCode)))
            .Where(s => s.Score >= UncertainScore)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Id)
            .Take(3)
            .ToList();
        if (ranked.Count == 0)
        {
            return [];
        }
        var best = ranked[0];
        var countryAgrees = countryCode is null || _profiles[best.Id].Candidate.CountryCode is null
            || string.Equals(countryCode, _profiles[best.Id].Candidate.CountryCode, StringComparison.OrdinalIgnoreCase);
        var alone = ranked.Count == 1 || ranked[1].Score < best.Score - 0.1;
        if (best.Score >= SureScore && countryAgrees && alone)
        {
            return [new PartnerMatch(best.Id, Math.Min(1, best.Score), MatchCertainty.Sure)];
        }
        return [.. ranked.Select(r => new PartnerMatch(r.Id, Math.Min(1, r.Score), MatchCertainty.Uncertain))];
    }

    /// <summary>A differing country makes a match doubtful, never impossible: a cluster may be registered elsewhere.</summary>
    private static double CountryFactor(string? stated, string? actual) =>
        stated is null || actual is null || string.Equals(stated, actual, StringComparison.OrdinalIgnoreCase) ? 1.0 : 0.75;

    /// <summary>
    /// The best similarity of the text to one of the profile's names. With <paramref name="onlyUseful"/>, a name whose
    /// similarity could not reach <see cref="UncertainScore"/> (Dice is at most 2·min/sum of the two trigram counts,
    /// so names of very different lengths) counts as 0 without being compared: such a score is dropped anyway.
    /// </summary>
    private double Similarity(ulong[] trigrams, int id, bool onlyUseful)
    {
        var best = 0.0;
        foreach (var other in _profiles[id].Trigrams)
        {
            var bound = 2.0 * Math.Min(trigrams.Length, other.Length) / Math.Max(1, trigrams.Length + other.Length);
            if (bound > best && (!onlyUseful || bound >= UncertainScore))
            {
                best = Math.Max(best, Dice(trigrams, other));
            }
        }
        return best;
    }

    /// <summary>The Dice coefficient of the character trigrams of two texts (padded, so short words count).</summary>
    public static double TrigramDice(string a, string b) => a == b && a.Length > 0 ? 1 : Dice(Trigrams(a), Trigrams(b));

    /// <summary>Two sorted multisets of trigrams: twice the shared ones over all of them.</summary>
    private static double Dice(ulong[] first, ulong[] second)
    {
        if (first.Length == 0 || second.Length == 0)
        {
            return 0;
        }
        int i = 0, j = 0, common = 0;
        while (i < first.Length && j < second.Length)
        {
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
        return 2.0 * common / (first.Length + second.Length);
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
