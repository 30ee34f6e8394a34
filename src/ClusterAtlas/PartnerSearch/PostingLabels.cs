using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>Names of kinds, intents and statuses in the page's language, and the codes kinds have in query strings.</summary>
public static class PostingLabels
{
    public static string KindCode(PostingKind kind) => kind switch
    {
        PostingKind.CooperationOffer => "offer",
        PostingKind.CooperationRequest => "request",
        PostingKind.CallInterest => "call",
        _ => "event",
    };

    public static PostingKind? KindFromCode(string code) =>
        Enum.GetValues<PostingKind>().Cast<PostingKind?>().FirstOrDefault(k => KindCode(k!.Value) == code);

    public static string Kind(PostingKind kind, IStringLocalizer T) => kind switch
    {
        PostingKind.CooperationOffer => T["Cooperation offer"],
        PostingKind.CooperationRequest => T["Cooperation request"],
        PostingKind.CallInterest => T["Interest in a call"],
        _ => T["Participants for an event"],
    };

    public static string Intent(string intent, IStringLocalizer T) => intent switch
    {
        PartnerSearchIntents.Partnering => T["Partnering"],
        PartnerSearchIntents.Supplying => T["Supplying"],
        PartnerSearchIntents.Buying => T["Buying"],
        PartnerSearchIntents.Investing => T["Investing"],
        PartnerSearchIntents.Research => T["Research"],
        PartnerSearchIntents.Training => T["Training"],
        _ => intent,
    };

    public static string Status(PostingStatus status, IStringLocalizer T) => status switch
    {
        PostingStatus.Open => T["Open"],
        PostingStatus.Closed => T["Closed"],
        _ => T["Expired"],
    };
}
