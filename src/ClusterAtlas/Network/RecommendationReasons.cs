using System.Globalization;
using ClusterAtlas.Localisation;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Network;

/// <summary>A recommendation's reasons in plain words, in the reader's language: "both work on fine machining; they target Serbia".</summary>
public sealed class RecommendationReasons(DataLabels labels, IStringLocalizer<SharedResource> T)
{
    private const int Shown = 3;

    public string Explain(NetworkSnapshot snapshot, Recommendation recommendation)
    {
        var parts = new List<string>();
        foreach (var reason in recommendation.Reasons)
        {
            var text = Explain(snapshot, reason);
            if (text is not null && !parts.Contains(text))
            {
                parts.Add(text);
            }
            if (parts.Count == Shown)
            {
                break;
            }
        }
        return string.Join("; ", parts);
    }

    /// <summary>A term's label within a sentence: lower-cased, except in German, whose nouns keep their capital.</summary>
    private static string InSentence(string label) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? label : label.ToLower(CultureInfo.CurrentCulture);

    private string? Explain(NetworkSnapshot snapshot, Reason reason)
    {
        string Term() => snapshot.Terms.TryGetValue(reason.TermId, out var term) ? InSentence(labels.Term(term)) : "";
        string Country() => labels.Country(reason.Country);
        LocalizedString? text = reason.Kind switch
        {
            ReasonKind.SharedSector or ReasonKind.SharedTechnology or ReasonKind.SharedS3Area or ReasonKind.SharedEmergingIndustry =>
                T["both work on {0}", Term()],
            ReasonKind.ComplementarySector => T["their work in {0} complements your value chain", Term()],
            ReasonKind.InYourTargetCountry => T["they are in {0}, which you target", Country()],
            ReasonKind.TheyTargetYourCountry => T["they target {0}", Country()],
            ReasonKind.SharedTargetCountry => T["both target {0}", Country()],
            ReasonKind.CommonPartners => reason.Count == 1 ? T["one of your partners works with them"] : T["{0} of your partners work with them", reason.Count],
            ReasonKind.SameCountry => T["both are in {0}", Country()],
            ReasonKind.SimilarSize => T["a similar number of members"],
            ReasonKind.BothLabelled => T["both hold a cluster excellence label"],
            _ => null,
        };
        return text?.Value;
    }
}
