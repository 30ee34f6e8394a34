using ClusterAtlas.Network;
using CsCheck;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// The terms the network's index keeps (<see cref="PartnerMatcher.TermsOfProfile"/>, <see cref="PartnerMatcher.TermsOfText"/>)
/// against the matcher itself, on generated names written the ways people write them (acronyms alone, in parentheses or
/// trailing, local names, accents, "represented by", typos): a text is only ever matched to a profile it shares a term
/// with, and a matcher given only those profiles answers as one given all of them.
/// </summary>
public sealed class PartnerMatcherTermsTests
{
    private static readonly string[] Words =
    [
        "Vojvodina", "Metal", "Cluster", "cluster", "ICT", "Niš", "Nis", "Smart", "Textile", "Textiles", "Agri", "Food",
        "Innovation", "of", "the", "Grozd", "Slovenije", "Mobility", "Mobilty", "Energy", "Énergie", "R&D", "Wood", "Wod",
        "Network", "Association", "Lantern", "Quay", "Harbour", "Harbor",
    ];

    private static readonly string[] Acronyms = ["VMC", "TCS", "NiCAT", "VOICT", "AB", "EMC"];

    private static Gen<T> OneOf<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<string?> OrNull(Gen<string> gen) => Gen.Bool.SelectMany(none => none ? Gen.Const((string?)null) : gen.Select(s => (string?)s));

    private static readonly Gen<string> Name = Gen.Select(
            OneOf(Words).Array[1, 4],
            Gen.Int[0, 5],
            OneOf(Acronyms))
        .Select((words, form, acronym) => form switch
        {
            0 => $"{string.Join(' ', words)} ({acronym})",
            1 => $"{string.Join(' ', words)} {acronym}",
            2 => acronym,
            3 => $"{string.Join(' ', words)}, legally represented by {words[0]} Agency",
            _ => string.Join(' ', words),
        });

    private static readonly Gen<MatchCandidate[]> Candidates =
        Gen.Select(Name, OrNull(OneOf(Acronyms)), OrNull(Name), OneOf<string?>(["RS", "SI", "DE", null]))
            .Array[1, 8]
            .Select(rows => rows.Select((r, i) => new MatchCandidate(i + 1, r.Item1, r.Item2, r.Item3, r.Item4)).ToArray());

    /// <summary>A text: a candidate's name as written, with a letter dropped or doubled, or a name of its own.</summary>
    private static readonly Gen<Func<MatchCandidate[], string>> Text = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], Name)
        .Select<int, int, string, Func<MatchCandidate[], string>>((kind, at, own) => candidates =>
        {
            var name = candidates[at % candidates.Length].Name;
            var i = at % name.Length;
            return kind switch
            {
                0 => name,
                1 => name.Remove(i, 1),
                2 => name.Insert(i, name[i].ToString()),
                _ => own,
            };
        });

    [Fact]
    public void A_text_is_matched_only_to_profiles_it_shares_a_term_with_and_those_alone_give_the_same_answer()
    {
        Gen.Select(Candidates, Text, OneOf<string?>(["RS", "SI", "DE", null])).Sample((candidates, textOf, country) =>
        {
            var text = textOf(candidates);
            var terms = PartnerMatcher.TermsOfText(text).ToHashSet();
            var all = new PartnerMatcher(candidates).Match(text, country, ownProfileId: 0);
            foreach (var match in all)
            {
                var profile = candidates.Single(c => c.ProfileId == match.ProfileId);
                Assert.True(PartnerMatcher.TermsOfProfile(profile).Any(terms.Contains), $"\"{text}\" matched \"{profile.Name}\" with no term in common");
            }
            var sharing = candidates.Where(c => PartnerMatcher.TermsOfProfile(c).Any(terms.Contains)).ToList();
            Assert.Equal(all, new PartnerMatcher(sharing).Match(text, country, ownProfileId: 0));
        }, iter: 3000);
    }

    [Fact]
    public void A_word_the_caller_says_is_common_is_not_looked_up()
    {
        var candidates = new[] { new MatchCandidate(1, "Quarry Lantern Cluster", null, null, "DE") };
        Assert.NotEmpty(new PartnerMatcher(candidates).Match("Quarry Lanterns", "DE", ownProfileId: 0));
        Assert.Empty(new PartnerMatcher(candidates, new HashSet<string> { "quarry" }).Match("Quarry Lanterns", "DE", ownProfileId: 0));
    }
}
