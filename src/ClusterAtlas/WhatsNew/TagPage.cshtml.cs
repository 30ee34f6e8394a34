using ClusterAtlas.Caching;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.WhatsNew;

/// <summary>Everything published with one tag, gathered from every section that has tags (news, events, calls), grouped by section.</summary>
[PublicCache(ContentTags.Profiles, ContentTags.Postings, ContentTags.News, ContentTags.Events, ContentTags.Calls, ContentTags.Vocabularies)]
public class TagPageModel(IServiceProvider services) : PageModel
{
    public const int PerSection = 50;

    public string Tag { get; private set; } = "";

    public IReadOnlyList<(string Section, IReadOnlyList<PublishedItem> Items)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string tag, CancellationToken cancellationToken)
    {
        var slug = TextFolding.Slug(tag);
        if (slug.Length == 0 || slug.Length > Tags.MaxLength)
        {
            return NotFound();
        }
        if (slug != tag)
        {
            // One address per tag: "Green Deal" and "green-deal" are the same page.
            return RedirectPermanent($"/tags/{slug}");
        }
        var groups = new List<(string, IReadOnlyList<PublishedItem>)>();
        foreach (var section in services.Sections())
        {
            var items = await section.TaggedAsync(slug, PerSection, cancellationToken);
            if (items.Count > 0)
            {
                groups.Add((section.Section, items));
            }
        }
        if (groups.Count == 0)
        {
            return NotFound();
        }
        Tag = slug;
        Groups = groups;
        return Page();
    }
}
