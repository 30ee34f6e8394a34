using ClusterAtlas.Caching;
using ClusterAtlas.Accounts;
using ClusterAtlas.Events;
using ClusterAtlas.Network;
using ClusterAtlas.News;
using ClusterAtlas.PartnerSearch;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Profiles;

/// <summary>
/// A profile's public page (and its printer-friendly version). Anonymous visitors get the cached published view
/// and cost no query. Those who may edit the profile also see its editing tabs, and see it before it is published;
/// for everyone else an unpublished profile does not exist.
/// </summary>
/// <remarks>
/// Only singletons and <see cref="ProfileQueries"/> are injected: every scoped service the container resolves takes its
/// lock, and the page is rendered far more often than anyone signs in; the rest is asked for when it is used.
/// </remarks>
[PublicCache(ContentTags.Profiles, ContentTags.Vocabularies, ContentTags.Postings, ContentTags.News, ContentTags.Events)]
public class ProfilePageModel(ProfileQueries queries, ContentReadCache readCache, NetworkIndex network, SimilarClusters similarClusters) : PageModel
{
    public ProfileView View { get; private set; } = null!;

    /// <summary>Whether the user may edit the profile: the Edit, Revisions and Colleagues tabs are shown.</summary>
    public bool MayEdit { get; private set; }

    /// <summary>The profile is not published: shown only to those who may edit it, never indexed.</summary>
    public bool NotPublic { get; private set; }

    /// <summary>The network section's partners' partners are asked for (<see cref="ProfileNetworkBlock.WideView"/>).</summary>
    private bool WideNetwork => string.Equals(Request.Query[ProfileNetworkBlock.ViewParameter], ProfileNetworkBlock.WideView, StringComparison.Ordinal);

    /// <summary>A network view the page does not know, answered as the directory answers an unknown value: said, with a 400.</summary>
    private string? UnknownNetworkView => Request.Query[ProfileNetworkBlock.ViewParameter].ToString() is { Length: > 0 } asked && !WideNetwork ? asked : null;

    // The request's token read here, not bound as a handler argument: binding it costs a model-binding pass per view.
    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var signedIn = User.Identity?.IsAuthenticated == true;
        var view = await queries.FindPublishedAsync(slug, cancellationToken);
        if (view is not null)
        {
            MayEdit = signedIn && await Authorization.MayEditAsync(User, view.Profile);
        }
        else if (signedIn
            && await queries.FindUnpublishedAsync(slug, cancellationToken) is { } unpublished
            && await Authorization.MayEditAsync(User, unpublished.Profile))
        {
            view = unpublished;
            MayEdit = true;
            NotPublic = true;
        }
        else
        {
            return NotFound();
        }
        View = view;
        if (UnknownNetworkView is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>
    /// What the page (not its print view) shows below the sections: open postings, coming events, news and the network,
    /// each kept per content generation or network snapshot. Rendered by the page itself rather than by a view component
    /// each (with a view, services and buffers of its own per request).
    /// </summary>
    public async Task<ProfileBlocks> BlocksAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var services = HttpContext.RequestServices;
        var p = View.Profile;
        var mayEditContent = MayEdit && !NotPublic;
        var blocks = new ProfileBlocks(
            await ProfilePostingsBlock.LoadAsync(p.Id, p.Slug, mayEditContent, readCache, services, cancellationToken),
            await ProfileEventsBlock.LoadAsync(p.Id, p.Slug, mayEditContent, readCache, services, cancellationToken),
            await ProfileNewsBlock.LoadAsync(p.Id, p.Slug, mayEditContent, readCache, services, cancellationToken),
            await ProfileNetworkBlock.LoadAsync(p.Id, p.Slug, MayEdit, WideNetwork, network, similarClusters, services, cancellationToken) with { UnknownView = UnknownNetworkView });
        if (blocks.Network.Preparing || blocks.Network.Behind)
        {
            KeepFromTheNextReaders();
        }
        return blocks;
    }

    /// <summary>For the print view, which has no network section: the profiles its list of collaborating clusters names, as the page links them.</summary>
    public async Task<IReadOnlyDictionary<string, NetworkProfile>> StatedPartnersAsync()
    {
        var (partners, whole) = await ProfileNetworkBlock.StatedPartnersAsync(View.Profile.Id, network, HttpContext.RequestServices, HttpContext.RequestAborted);
        if (!whole)
        {
            KeepFromTheNextReaders();
        }
        return partners;
    }

    /// <summary>A page without its network, or with the network as it was before a write, is not kept for the next readers.</summary>
    private void KeepFromTheNextReaders()
    {
        if (HttpContext.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }
    }

    private IAuthorizationService Authorization => HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
}
