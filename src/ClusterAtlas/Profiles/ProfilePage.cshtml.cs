using ClusterAtlas.Caching;
using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Profiles;

/// <summary>
/// A profile's public page (and its printer-friendly version). Anonymous visitors get the cached published view
/// and cost no query. Those who may edit the profile also see its editing tabs, and see it before it is published;
/// for everyone else an unpublished profile does not exist.
/// </summary>
[PublicCache(ContentTags.Profiles, ContentTags.Vocabularies, ContentTags.Postings, ContentTags.News, ContentTags.Events)]
public class ProfilePageModel(ProfileQueries queries, IAuthorizationService authorization) : PageModel
{
    public ProfileView View { get; private set; } = null!;

    /// <summary>Whether the user may edit the profile: the Edit, Revisions and Colleagues tabs are shown.</summary>
    public bool MayEdit { get; private set; }

    /// <summary>The profile is not published: shown only to those who may edit it, never indexed.</summary>
    public bool NotPublic { get; private set; }

    // The request's token read here, not bound as a handler argument: binding it costs a model-binding pass per view.
    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var signedIn = User.Identity?.IsAuthenticated == true;
        var view = await queries.FindPublishedAsync(slug, cancellationToken);
        if (view is not null)
        {
            MayEdit = signedIn && await authorization.MayEditAsync(User, view.Profile);
        }
        else if (signedIn
            && await queries.FindUnpublishedAsync(slug, cancellationToken) is { } unpublished
            && await authorization.MayEditAsync(User, unpublished.Profile))
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
        return Page();
    }
}
