using ClusterAtlas.Events;
using ClusterAtlas.Network;
using ClusterAtlas.News;
using ClusterAtlas.PartnerSearch;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles;

/// <summary>The blocks of a profile's page below its sections, from the features that own them.</summary>
public sealed record ProfileBlocks(ProfilePostingsBlock Postings, ProfileEventsBlock Events, ProfileNewsBlock News, ProfileNetworkBlock Network)
{
    /// <summary>
    /// The blocks the page shows, in its order, for its "On this page" list: a reader of a long profile finds them there
    /// as they find the sections. The ids and headings are those of ProfilePage.cshtml's blocks.
    /// </summary>
    public IReadOnlyList<SectionLink> Links(IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(T);
        var links = new List<SectionLink>(4);
        if (Postings.Shown) { links.Add(new("partner-search", T["Open partner searches"])); }
        if (Events.Shown) { links.Add(new("events", T["Coming events"])); }
        if (News.Shown) { links.Add(new("news", T["News of this cluster"])); }
        // Always there: with the partners and similar clusters, or saying that the network is being prepared.
        links.Add(new("network", T["Network"]));
        return links;
    }
}
